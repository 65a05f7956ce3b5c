package org.connectathon.platform.proxy.soap;

import java.util.List;
import java.util.Optional;

import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.proxy.Capture;
import org.connectathon.platform.proxy.CaptureValidation;
import org.connectathon.platform.proxy.CaptureValidationIssue;
import org.connectathon.platform.proxy.CaptureValidationStatus;
import org.connectathon.platform.proxy.CapturedMessage;
import org.connectathon.platform.proxy.MessageValidator;
import org.springframework.stereotype.Component;

/**
 * Validates SOAP captures (see {@link SoapExchangeCheck} for the checks and their order):
 * invalid with an error or a fatal issue on either side, valid when an envelope was read
 * without one, skipped when neither side had an envelope to read (bodies cut at the
 * proxy's limit, no response).
 */
@Component
class SoapMessageValidator implements MessageValidator {

	private final SoapSchemas schemas;

	SoapMessageValidator(SoapSchemas schemas) {
		this.schemas = schemas;
	}

	@Override
	public Protocol protocol() {
		return Protocol.SOAP;
	}

	@Override
	public CaptureValidation validate(Capture capture, Optional<CapturedMessage> request,
			Optional<CapturedMessage> response) {
		SoapExchangeCheck check = new SoapExchangeCheck(this.schemas, capture.transactionKeyword(),
				capture.messageType(), capture.startedAt());
		List<CaptureValidationIssue> issues = check.check(request, response);
		CaptureValidation validation = CaptureValidation.of(issues);
		if (validation.status() == CaptureValidationStatus.VALID && !check.anyEnvelope()) {
			return new CaptureValidation(CaptureValidationStatus.SKIPPED, null, null, issues);
		}
		return validation;
	}

}
