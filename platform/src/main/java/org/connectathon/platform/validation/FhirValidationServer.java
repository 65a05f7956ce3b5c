package org.connectathon.platform.validation;

import org.connectathon.platform.web.TooLargeFhirBodies;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * The platform's FHIR R4 endpoint at {@code /fhir}: HAPI's plain server with the
 * {@code $validate} operation of every resource type, so that FHIR tools can validate
 * against the event's implementation guides. Errors are OperationOutcomes, as FHIR
 * clients expect.
 */
class FhirValidationServer extends RestfulServer {

	FhirValidationServer(FhirValidation validation) {
		super(lenientContext());
		setDefaultResponseEncoding(EncodingEnum.JSON);
		registerInterceptor(new TooLargeFhirBodies());
		FhirContext context = getFhirContext();
		for (String type : context.getResourceTypes()) {
			registerProvider(new ValidateOperationProvider(context.getResourceDefinition(type).getImplementingClass(),
					validation));
		}
	}

	/**
	 * A context whose parser lets invalid values through: finding and placing them is the
	 * validator's job, which sees the raw text.
	 */
	private static FhirContext lenientContext() {
		FhirContext context = FhirContext.forR4();
		context.setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
		return context;
	}

}
