package org.connectathon.platform.validation;

import org.connectathon.platform.web.RequestBodyTooLargeException;
import org.jspecify.annotations.Nullable;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;

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
		registerInterceptor(new TooLargeBodies());
		FhirContext context = getFhirContext();
		for (String type : context.getResourceTypes()) {
			registerProvider(new ValidateOperationProvider(context.getResourceDefinition(type).getImplementingClass(),
					validation));
		}
	}

	/**
	 * HAPI catches whatever reading the request throws; a body over the endpoint's limit
	 * (see {@code RequestSizeLimitFilter}) is answered 413, not as a server error.
	 */
	@Interceptor
	static final class TooLargeBodies {

		@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
		public @Nullable BaseServerResponseException tooLarge(Throwable exception) {
			return RequestBodyTooLargeException.in(exception)
				.map((tooLarge) -> new PayloadTooLargeException(tooLarge.getMessage()))
				.orElse(null);
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
