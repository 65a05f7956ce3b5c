package org.connectathon.platform.proxy.soap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in SOAP responder's address: {@code POST /responders/soap}, and any path
 * under it, so that an endpoint can name one per actor (e.g.
 * {@code /responders/soap/responding-gateway}). Anonymous, as the hosted reference
 * servers are; the request size limit of every endpoint holds its bodies.
 */
@RestController
class SoapResponderController {

	private final SoapResponder responder;

	SoapResponderController(SoapResponder responder) {
		this.responder = responder;
	}

	@PostMapping({ "/responders/soap", "/responders/soap/**" })
	ResponseEntity<String> answer(
			@RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			@RequestHeader(value = "SOAPAction", required = false) @Nullable String soapAction,
			@RequestBody(required = false) byte @Nullable [] body) {
		SoapResponder.Answer answer = this.responder.answer(contentType, body, soapAction);
		return ResponseEntity.status(answer.status())
			.header(HttpHeaders.CONTENT_TYPE, answer.contentType())
			.body(answer.envelope());
	}

}
