package org.connectathon.platform.validation;

import java.util.List;

import org.connectathon.engine.validation.OperationOutcomes;
import org.connectathon.platform.InvalidInputException;
import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/**
 * The FHIR {@code $validate} operation of one resource type, answered with an
 * OperationOutcome whose issues carry FHIRPath, line and column. The implementation
 * guides to validate against are named with {@code ig=NAME#VERSION} query parameters.
 */
class ValidateOperationProvider implements IResourceProvider {

	private final Class<? extends IBaseResource> resourceType;

	private final FhirValidation validation;

	ValidateOperationProvider(Class<? extends IBaseResource> resourceType, FhirValidation validation) {
		this.resourceType = resourceType;
		this.validation = validation;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return this.resourceType;
	}

	@Validate
	public MethodOutcome validate(@ResourceParam String resource, @Validate.Profile String profile,
			RequestDetails request) {
		String[] implementationGuides = request.getParameters().getOrDefault("ig", new String[0]);
		try {
			FhirValidation.Validation result = this.validation.validate(resource, List.of(implementationGuides),
					profile);
			return new MethodOutcome().setOperationOutcome(OperationOutcomes.toOperationOutcome(result.report()));
		}
		catch (InvalidInputException exception) {
			throw new InvalidRequestException(exception.getMessage());
		}
	}

}
