package org.connectathon.engine.referenceserver;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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
 * each type, core and custom, with its type and definition. Building it takes HAPI a
 * while, so it is kept until the search parameters change (HAPI's own cache would keep a
 * {@code SearchParameter} just posted out of it for a minute).
 */
public class ReferenceServerCapabilities extends ServerCapabilityStatementProvider {

	private final SearchParameterRegistry searchParameters;

	private record Built(long parametersVersion, IBaseConformance capabilityStatement) {
	}

	/** By server base URL, which the statement names. */
	private final Map<String, Built> built = new ConcurrentHashMap<>();

	public ReferenceServerCapabilities(RestfulServer server, SearchParameterRegistry searchParameters) {
		super(server);
		this.searchParameters = Objects.requireNonNull(searchParameters, "searchParameters");
	}

	@Override
	@Metadata(cacheMillis = 0)
	public IBaseConformance getServerConformance(HttpServletRequest request, RequestDetails requestDetails) {
		long version = this.searchParameters.version();
		String base = requestDetails == null ? "" : String.valueOf(requestDetails.getFhirServerBase());
		Built cached = this.built.get(base);
		if (cached != null && cached.parametersVersion() == version) {
			return cached.capabilityStatement();
		}
		IBaseConformance capabilityStatement = super.getServerConformance(request, requestDetails);
		this.built.put(base, new Built(version, capabilityStatement));
		return capabilityStatement;
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
