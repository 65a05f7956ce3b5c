package org.connectathon.platform.web;

import org.jspecify.annotations.Nullable;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;

/**
 * For the FHIR servers the platform hosts: HAPI catches whatever reading the request
 * throws; a body over the endpoint's limit (see {@link RequestSizeLimitFilter}) is
 * answered 413 with an OperationOutcome, not as a server error.
 */
@Interceptor
public final class TooLargeFhirBodies {

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public @Nullable BaseServerResponseException tooLarge(Throwable exception) {
		return RequestBodyTooLargeException.in(exception)
			.map((tooLarge) -> new PayloadTooLargeException(tooLarge.getMessage()))
			.orElse(null);
	}

}
