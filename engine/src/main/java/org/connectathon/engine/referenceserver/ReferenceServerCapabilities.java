package org.connectathon.engine.referenceserver;

import java.util.Objects;

import ca.uhn.fhir.rest.annotation.Metadata;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import ca.uhn.fhir.util.FhirTerser;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseConformance;

/**
 * HAPI's generated CapabilityStatement with every search parameter the server indexes for
 * each type, core and custom, with its type and definition; built anew for each request
 * so that a {@code SearchParameter} just posted shows.
 */
public class ReferenceServerCapabilities extends ServerCapabilityStatementProvider {

	private final SearchParameterRegistry searchParameters;

	public ReferenceServerCapabilities(RestfulServer server, SearchParameterRegistry searchParameters) {
		super(server);
		this.searchParameters = Objects.requireNonNull(searchParameters, "searchParameters");
	}

	@Override
	@Metadata(cacheMillis = 0)
	public IBaseConformance getServerConformance(HttpServletRequest request, RequestDetails requestDetails) {
		return super.getServerConformance(request, requestDetails);
	}

	@Override
	protected void postProcessRestResource(FhirTerser terser, IBase resource, String type) {
		super.postProcessRestResource(terser, resource, type);
		for (SearchParameterDefinition definition : this.searchParameters.forType(type).values()) {
			IBase searchParam = terser.addElement(resource, "searchParam");
			terser.setElement(searchParam, "name", definition.code());
			if (definition.url() != null) {
				terser.setElement(searchParam, "definition", definition.url());
			}
			terser.setElement(searchParam, "type", definition.type().getCode());
			if (definition.description() != null && !definition.description().isBlank()) {
				terser.setElement(searchParam, "documentation", definition.description());
			}
		}
	}

}
