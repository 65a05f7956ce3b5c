package org.connectathon.platform.proxy;

import java.util.Optional;

import org.connectathon.platform.catalog.Protocol;

/**
 * Validates the captures of one protocol other than FHIR (whose validation is
 * {@link CaptureValidator}'s own): SOAP envelopes against their transaction's schemas,
 * HL7 v2 messages against their version's structures. A bean per protocol; a protocol
 * without one is not validated. It reports every problem of the messages as issues,
 * placed where they are ({@code location}: an XPath, or an HL7 v2 place such as
 * {@code PID-3}), and throws only when it cannot run at all.
 */
public interface MessageValidator {

	/** The protocol whose captures it validates. */
	Protocol protocol();

	/**
	 * The validation of a capture's request and response, as stored (a body may be cut at
	 * the proxy's limit).
	 */
	CaptureValidation validate(Capture capture, Optional<CapturedMessage> request, Optional<CapturedMessage> response);

}
