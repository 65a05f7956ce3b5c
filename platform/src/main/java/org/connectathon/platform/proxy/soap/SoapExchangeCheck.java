package org.connectathon.platform.proxy.soap;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.connectathon.platform.proxy.CaptureValidationIssue;
import org.connectathon.platform.proxy.CapturedMessage;
import org.connectathon.platform.proxy.soap.SoapTransaction.Names;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The checks of one SOAP exchange, request and response, in the order a monitor reads
 * them: each body readable (MIME, well-formed XML, a SOAP envelope with a body), its
 * message the transaction's and valid against its schemas, WS-Addressing present and the
 * response related to the request, the SAML assertion valid at the capture's time, the
 * registry's status and errors, and the XDS.b metadata rules of a submission. Bad input
 * gives findings, never an exception.
 */
final class SoapExchangeCheck {

	private static final String RS_SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";

	private static final String RS_PARTIAL = "urn:ihe:iti:2007:ResponseStatusType:PartialSuccess";

	private final SoapSchemas schemas;

	private final @Nullable SoapTransaction transaction;

	private final @Nullable String transactionKeyword;

	private final @Nullable String action;

	private final OffsetDateTime capturedAt;

	private final List<CaptureValidationIssue> issues = new ArrayList<>();

	private boolean anyEnvelope;

	/**
	 * @param transactionKeyword the catalog transaction identified, null when the capture
	 * is unidentified
	 * @param action the SOAP action that the proxy read
	 */
	SoapExchangeCheck(SoapSchemas schemas, @Nullable String transactionKeyword, @Nullable String action,
			OffsetDateTime capturedAt) {
		this.schemas = schemas;
		this.transactionKeyword = transactionKeyword;
		this.transaction = (transactionKeyword != null) ? SoapTransaction.of(transactionKeyword).orElse(null) : null;
		this.action = action;
		this.capturedAt = capturedAt;
	}

	/**
	 * The issues of both sides, once: a check gathers the issues of one exchange, so each
	 * exchange gets a new one.
	 */
	List<CaptureValidationIssue> check(Optional<CapturedMessage> request, Optional<CapturedMessage> response) {
		if (this.transactionKeyword == null) {
			this.issues.add(issue(CaptureValidationIssue.REQUEST,
					SoapFinding.warning("", "[Catalog] The action " + ((this.action != null) ? this.action : "(none)")
							+ " is not one the event's catalog declares: the capture is unidentified, and only its"
							+ " envelope and WS-Addressing headers are checked.")));
		}
		else if (this.transaction == null) {
			this.issues.add(issue(CaptureValidationIssue.REQUEST, SoapFinding.information("", "[Catalog] "
					+ this.transactionKeyword + " has no schema in the platform; only its envelope is checked.")));
		}
		Side requestSide = read(CaptureValidationIssue.REQUEST, request);
		Side responseSide = read(CaptureValidationIssue.RESPONSE, response);
		if (requestSide.envelope != null) {
			checkMessage(requestSide, true);
			checkRequestAddressing(requestSide);
			checkSaml(requestSide);
			if (this.transaction == SoapTransaction.ITI_41 || this.transaction == SoapTransaction.ITI_42) {
				requestSide.envelope.bodyElement()
					.filter((element) -> element.getLocalName().equals(this.transaction.element(true)))
					.ifPresent((element) -> XdsMetadataRules.check(element, requestSide.message)
						.forEach((finding) -> add(requestSide, finding)));
			}
		}
		if (responseSide.envelope != null) {
			checkMessage(responseSide, false);
			checkResponseAddressing(responseSide, requestSide.envelope);
			checkRegistryStatus(responseSide);
		}
		return List.copyOf(this.issues);
	}

	/** Whether a body of either side was read as a SOAP envelope. */
	boolean anyEnvelope() {
		return this.anyEnvelope;
	}

	/**
	 * A side of the exchange as read: the SOAP message, and its envelope when
	 * well-formed.
	 */
	private record Side(String name, SoapMessage message, @Nullable SoapEnvelope envelope, Map<String, Integer> lines) {

	}

	private Side read(String side, Optional<CapturedMessage> captured) {
		if (captured.isEmpty() || captured.get().body() == null || captured.get().body().length == 0) {
			if (CaptureValidationIssue.REQUEST.equals(side)) {
				this.issues.add(issue(side,
						SoapFinding.error("", "[SOAP] The request has no body; a SOAP request carries an envelope.")));
			}
			return new Side(side, SoapMessage.read(null, null), null, Map.of());
		}
		CapturedMessage message = captured.get();
		if (message.bodyTruncated()) {
			this.issues.add(issue(side,
					SoapFinding.warning("",
							"[Capture] The " + side + " body was stored only in part (" + message.body().length + " of "
									+ message.bodySize() + " bytes, the proxy's limit); it was not validated.")));
			return new Side(side, SoapMessage.read(null, null), null, Map.of());
		}
		SoapMessage soap = SoapMessage.read(message.contentType(), message.body());
		if (soap.problem() != null) {
			this.issues.add(issue(side, SoapFinding.error("", "[MIME] " + soap.problem())));
		}
		if (soap.envelope() == null) {
			return new Side(side, soap, null, Map.of());
		}
		SoapEnvelope envelope;
		try {
			envelope = new SoapEnvelope(XmlPaths.document(soap.envelope()));
		}
		catch (SAXParseException malformed) {
			this.issues.add(new CaptureValidationIssue(side, "fatal", "", positive(malformed.getLineNumber()),
					positive(malformed.getColumnNumber()),
					"[XML] The " + side + " is not well-formed XML: " + malformed.getMessage()));
			return new Side(side, soap, null, Map.of());
		}
		catch (SAXException | IOException malformed) {
			this.issues.add(issue(side, new SoapFinding("fatal", "", null, null,
					"[XML] The " + side + " is not well-formed XML: " + malformed.getMessage())));
			return new Side(side, soap, null, Map.of());
		}
		Side read = new Side(side, soap, envelope, XmlPaths.lines(soap.envelope()));
		if (envelope.version() == null) {
			add(read,
					SoapFinding.error(XmlPaths.of(envelope.root()),
							"[SOAP] The root element is {" + envelope.root().getNamespaceURI() + "}"
									+ envelope.root().getLocalName() + ", not a SOAP 1.1 or 1.2 Envelope."));
			return new Side(side, soap, null, read.lines);
		}
		if (envelope.bodyElement().isEmpty()) {
			add(read, SoapFinding.error(XmlPaths.of(envelope.root()),
					"[SOAP] The envelope has no Body element" + " with a message in it."));
			return new Side(side, soap, null, read.lines);
		}
		this.anyEnvelope = true;
		return read;
	}

	/**
	 * The body's message: a Fault, or the transaction's element valid against its
	 * schemas.
	 */
	private void checkMessage(Side side, boolean request) {
		Element message = side.envelope.bodyElement().orElseThrow();
		if ("Fault".equals(message.getLocalName()) && (SoapEnvelope.SOAP_11.equals(message.getNamespaceURI())
				|| SoapEnvelope.SOAP_12.equals(message.getNamespaceURI()))) {
			add(side, SoapFinding.error(XmlPaths.of(message),
					"[SOAP] The " + side.name + " is a SOAP Fault: " + message.getTextContent().strip()));
			return;
		}
		if (this.transaction == null) {
			return;
		}
		String namespace = this.transaction.namespace(request);
		String element = this.transaction.element(request);
		if (!element.equals(message.getLocalName()) || !namespace.equals(message.getNamespaceURI())) {
			add(side, SoapFinding.error(XmlPaths.of(message), "[" + this.transaction.keyword() + "] The " + side.name
					+ " body holds {" + message.getNamespaceURI() + "}" + message.getLocalName() + "; "
					+ this.transaction.keyword() + " " + side.name + "s hold {" + namespace + "}" + element + "."));
			return;
		}
		try {
			for (SoapSchemas.SchemaError error : this.schemas.validate(side.message.envelope(),
					this.transaction.schemas(request))) {
				add(side, new SoapFinding("error", error.path(), positive(error.line()), positive(error.column()),
						"[Schema " + this.transaction.schemas(request) + "] " + error.message()));
			}
		}
		catch (SAXException | IOException unreadable) {
			// Read as well-formed a moment ago: only a parser fault could bring us here.
			add(side, SoapFinding.error("", "[Schema] The body could not be read again: " + unreadable.getMessage()));
		}
	}

	/**
	 * IHE requires WS-Addressing on every request: Action, MessageID and To (ITI TF-2
	 * V.3.2.1).
	 */
	private void checkRequestAddressing(Side side) {
		SoapEnvelope envelope = side.envelope;
		for (String header : List.of("Action", "MessageID", "To")) {
			if (envelope.addressingValue(header).isEmpty()) {
				add(side, SoapFinding.error(headerPath(envelope),
						"[ITI TF-2 V.3.2.1 WS-Addressing] The request has" + " no wsa:" + header + " header."));
			}
		}
		envelope.addressingValue("Action")
			.filter((headerAction) -> this.action != null && !headerAction.equals(this.action))
			.ifPresent((headerAction) -> add(side,
					SoapFinding.warning(XmlPaths.of(envelope.addressing("Action").orElseThrow()),
							"[WS-Addressing 1.0 SOAP Binding 6.1] wsa:Action " + headerAction
									+ " differs from the SOAP action of the HTTP request, " + this.action + ".")));
	}

	/**
	 * The response has an Action, the one that answers the request's, and relates to the
	 * request's MessageID (ITI TF-2 V.3.2.1).
	 */
	private void checkResponseAddressing(Side side, @Nullable SoapEnvelope request) {
		SoapEnvelope envelope = side.envelope;
		Optional<String> responseAction = envelope.addressingValue("Action");
		if (responseAction.isEmpty()) {
			add(side, SoapFinding.error(headerPath(envelope),
					"[ITI TF-2 V.3.2.1 WS-Addressing] The response has no wsa:Action header."));
		}
		Optional<String> requestAction = (request != null) ? request.addressingValue("Action")
				: Optional.ofNullable(this.action);
		if (responseAction.isPresent() && requestAction.isPresent()
				&& !responseAction.get().equals(SoapTransaction.responseAction(requestAction.get()))
				&& !responseAction.get().endsWith("/fault")) {
			add(side,
					SoapFinding.error(XmlPaths.of(envelope.addressing("Action").orElseThrow()),
							"[ITI TF-2 V.3.2.1 WS-Addressing] The response's wsa:Action is " + responseAction.get()
									+ "; the answer to " + requestAction.get() + " is "
									+ SoapTransaction.responseAction(requestAction.get()) + "."));
		}
		Optional<String> relatesTo = envelope.addressingValue("RelatesTo");
		Optional<String> messageId = (request != null) ? request.addressingValue("MessageID") : Optional.empty();
		if (relatesTo.isEmpty()) {
			add(side, SoapFinding.error(headerPath(envelope),
					"[ITI TF-2 V.3.2.1 WS-Addressing] The response has no wsa:RelatesTo header."));
		}
		else if (messageId.isPresent() && !relatesTo.get().equals(messageId.get())) {
			add(side,
					SoapFinding.error(XmlPaths.of(envelope.addressing("RelatesTo").orElseThrow()),
							"[ITI TF-2 V.3.2.1 WS-Addressing] The response relates to " + relatesTo.get()
									+ ", not to the request's MessageID " + messageId.get() + "."));
		}
	}

	/**
	 * The assertion's issuer and validity period (SAML 2.0 Core 2.5.1.2, ITI TF-2 3.40
	 * XUA).
	 */
	private void checkSaml(Side side) {
		Optional<Element> element = side.envelope.samlAssertion();
		if (element.isEmpty()) {
			add(side, SoapFinding.information(headerPath(side.envelope),
					"[ITI TF-2 3.40 XUA] The request carries no SAML assertion in a wsse:Security header."));
			return;
		}
		SamlAssertion assertion = SamlAssertion.of(element.get());
		if (assertion.issuer() == null || assertion.issuer().isEmpty()) {
			add(side, SoapFinding.error(assertion.path(), "[SAML 2.0 Core 2.3.3] The assertion has no Issuer."));
		}
		if (assertion.notBeforeText() != null && assertion.notBefore() == null
				|| assertion.notOnOrAfterText() != null && assertion.notOnOrAfter() == null) {
			add(side, SoapFinding.error(assertion.path(),
					"[SAML 2.0 Core 2.5.1] The assertion's Conditions hold a time that is not an xs:dateTime."));
		}
		if (assertion.notBefore() != null && this.capturedAt.isBefore(assertion.notBefore())) {
			add(side, SoapFinding.error(assertion.path(), "[SAML 2.0 Core 2.5.1.2] The assertion is valid from "
					+ assertion.notBeforeText() + ", after the request was sent (" + this.capturedAt + ")."));
		}
		if (assertion.notOnOrAfter() != null && !this.capturedAt.isBefore(assertion.notOnOrAfter())) {
			add(side, SoapFinding.error(assertion.path(), "[SAML 2.0 Core 2.5.1.2] The assertion expired at "
					+ assertion.notOnOrAfterText() + ", before the request was sent (" + this.capturedAt + ")."));
		}
	}

	/** The status of a registry response, and each RegistryError as a finding. */
	private void checkRegistryStatus(Side side) {
		Element message = side.envelope.bodyElement().orElseThrow();
		List<Element> responses = "RegistryResponse".equals(message.getLocalName())
				|| "AdhocQueryResponse".equals(message.getLocalName()) ? List.of(message)
						: SoapEnvelope.children(message, Names.RS, "RegistryResponse");
		for (Element response : responses) {
			String status = response.getAttribute("status");
			String path = XmlPaths.of(response);
			if (RS_SUCCESS.equals(status)) {
				add(side, SoapFinding.information(path, "[ebRS 3.0 RegistryResponse] Status Success."));
			}
			else if (RS_PARTIAL.equals(status)) {
				add(side, SoapFinding.warning(path, "[ITI TF-3 4.2.4 RegistryResponse] Status PartialSuccess."));
			}
			else if (!status.isBlank()) {
				add(side, SoapFinding.error(path,
						"[ebRS 3.0 RegistryResponse] Status " + status.substring(status.lastIndexOf(':') + 1) + "."));
			}
			for (Element error : SoapEnvelope.descendants(response, Names.RS, "RegistryError")) {
				boolean warning = error.getAttribute("severity").endsWith(":Warning");
				String text = "[RegistryError " + error.getAttribute("errorCode") + "] "
						+ error.getAttribute("codeContext")
						+ (error.getAttribute("location").isBlank() ? "" : " (" + error.getAttribute("location") + ")");
				add(side, warning ? SoapFinding.warning(XmlPaths.of(error), text)
						: SoapFinding.error(XmlPaths.of(error), text));
			}
		}
	}

	private static String headerPath(SoapEnvelope envelope) {
		return envelope.header().map(XmlPaths::of).orElseGet(() -> XmlPaths.of(envelope.root()));
	}

	private void add(Side side, SoapFinding finding) {
		Integer line = (finding.line() != null) ? finding.line() : side.lines.get(finding.path());
		this.issues.add(new CaptureValidationIssue(side.name, finding.severity(), finding.path(), line,
				finding.column(), finding.message()));
	}

	private static CaptureValidationIssue issue(String side, SoapFinding finding) {
		return new CaptureValidationIssue(side, finding.severity(), finding.path(), finding.line(), finding.column(),
				finding.message());
	}

	private static @Nullable Integer positive(int number) {
		return (number > 0) ? number : null;
	}

}
