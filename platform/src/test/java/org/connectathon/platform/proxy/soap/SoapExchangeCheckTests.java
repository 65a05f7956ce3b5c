package org.connectathon.platform.proxy.soap;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.connectathon.platform.proxy.CaptureValidationIssue;
import org.connectathon.platform.proxy.CapturedMessage;
import org.connectathon.platform.proxy.soap.SoapSamples.Sample;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of a SOAP exchange on the platform's sample requests and the built-in
 * responder's answers, whole and broken.
 */
class SoapExchangeCheckTests {

	private static final SoapSchemas SCHEMAS = new SoapSchemas();

	private static final SoapResponder RESPONDER = new SoapResponder();

	private static final OffsetDateTime NOW = OffsetDateTime.now();

	@ParameterizedTest
	@ValueSource(strings = { "ITI-18", "ITI-38", "ITI-39", "ITI-41", "ITI-42", "ITI-43", "ITI-55" })
	void shouldFindNoErrorInASampleAndTheResponderAnswer(String keyword) {
		Sample sample = SoapSamples.request(keyword, "http://gateway.example/soap", NOW);
		List<CaptureValidationIssue> issues = check(keyword, sample.contentType(), sample.body());
		assertThat(errors(issues)).isEmpty();
		assertThat(RESPONDER.answer(sample.contentType(), sample.body(), null).status()).isEqualTo(200);
	}

	@Test
	void shouldReadSoap11WithTheActionInItsSoapActionHeader() {
		Sample sample = SoapSamples.request("ITI-43", "http://repository.example/soap", NOW);
		byte[] soap11 = sample.text()
			.replace("http://www.w3.org/2003/05/soap-envelope", "http://schemas.xmlsoap.org/soap/envelope/")
			.getBytes(StandardCharsets.UTF_8);
		SoapResponder.Answer answer = RESPONDER.answer("text/xml; charset=UTF-8", soap11,
				"\"urn:ihe:iti:2007:RetrieveDocumentSet\"");

		assertThat(answer.contentType()).startsWith("text/xml");
		assertThat(answer.envelope()).contains("http://schemas.xmlsoap.org/soap/envelope/",
				"<xdsb:DocumentUniqueId>1.3.6.1.4.1.21367.2026.2.4.1</xdsb:DocumentUniqueId>");
		assertThat(SoapMessage.read("text/xml", soap11).soapVersion()).isEqualTo("1.1");
		List<CaptureValidationIssue> issues = new SoapExchangeCheck(SCHEMAS, "XDS.b:ITI-43",
				SoapSamples.ACTIONS.get("ITI-43"), NOW)
			.check(Optional.of(message("text/xml", soap11)),
					Optional.of(message(answer.contentType(), answer.envelope().getBytes(StandardCharsets.UTF_8))));
		assertThat(errors(issues)).isEmpty();
	}

	@Test
	void shouldPlaceASchemaErrorAtItsXPathAndLine() {
		Sample sample = SoapSamples.request("ITI-38", "http://gateway.example/soap", NOW);
		String broken = sample.text().replace("<query:ResponseOption", "<query:ResponseOptions");
		List<CaptureValidationIssue> issues = check("ITI-38", sample.contentType(),
				broken.getBytes(StandardCharsets.UTF_8));
		assertThat(errors(issues)).anySatisfy((issue) -> {
			assertThat(issue.location())
				.isEqualTo("/soap:Envelope/soap:Body/query:AdhocQueryRequest/query:ResponseOptions");
			assertThat(issue.line()).isEqualTo(lineOf(broken, "<query:ResponseOptions"));
			assertThat(issue.message()).startsWith("[Schema XDS]");
		});
	}

	@Test
	void shouldReportAMissingMessageIdAndAResponseThatRelatesToAnotherMessage() {
		Sample sample = SoapSamples.request("ITI-38", "http://gateway.example/soap", NOW);
		String withoutId = sample.text().replaceAll("<wsa:MessageID>.*</wsa:MessageID>", "");
		List<CaptureValidationIssue> issues = check("ITI-38", sample.contentType(),
				withoutId.getBytes(StandardCharsets.UTF_8));
		assertThat(errors(issues)).extracting(CaptureValidationIssue::message)
			.contains("[ITI TF-2 V.3.2.1 WS-Addressing] The request has no wsa:MessageID header.");

		SoapResponder.Answer answer = RESPONDER.answer(sample.contentType(), sample.body(), null);
		String otherAnswer = answer.envelope().replace(sample.messageId(), "urn:uuid:another");
		List<CaptureValidationIssue> mismatched = new SoapExchangeCheck(SCHEMAS, "ITI-38",
				SoapSamples.ACTIONS.get("ITI-38"), NOW)
			.check(Optional.of(message(sample.contentType(), sample.body())),
					Optional.of(message(answer.contentType(), otherAnswer.getBytes(StandardCharsets.UTF_8))));
		assertThat(errors(mismatched)).singleElement()
			.satisfies((issue) -> assertThat(issue.message()).contains("relates to urn:uuid:another"));
	}

	@Test
	void shouldReportAnExpiredAssertion() {
		Sample sample = SoapSamples.request("ITI-38", "http://gateway.example/soap", NOW.minusHours(3),
				NOW.minusHours(2));
		assertThat(errors(check("ITI-38", sample.contentType(), sample.body()))).anySatisfy(
				(issue) -> assertThat(issue.message()).startsWith("[SAML 2.0 Core 2.5.1.2] The assertion expired"));
	}

	@Test
	void shouldReportAMetadataRuleAndAHashThatDoesNotMatchTheAttachment() {
		Sample sample = SoapSamples.request("ITI-41", "http://gateway.example/soap", NOW);
		String broken = new String(sample.body(), StandardCharsets.UTF_8)
			.replaceFirst("<rim:Slot name=\"languageCode\">.*?</rim:Slot>", "")
			.replace(XdsMetadataRules.sha1(SoapSamples.DOCUMENT), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
		assertThat(errors(check("ITI-41", sample.contentType(), broken.getBytes(StandardCharsets.UTF_8))))
			.extracting(CaptureValidationIssue::message)
			.anySatisfy(
					(message) -> assertThat(message).startsWith("[ITI TF-3 Table 4.3.1-3 DocumentEntry.languageCode]"))
			.anySatisfy((message) -> assertThat(message).startsWith("[ITI TF-2 3.41.4.1.3 DocumentEntry.hash]"));
	}

	@Test
	void shouldReadTheMtomAttachment() {
		Sample sample = SoapSamples.request("ITI-41", "http://gateway.example/soap", NOW);
		SoapMessage message = SoapMessage.read(sample.contentType(), sample.body());
		assertThat(message.problem()).isNull();
		assertThat(message.envelope()).contains("ProvideAndRegisterDocumentSetRequest");
		assertThat(message.attachments()).singleElement().satisfies((attachment) -> {
			assertThat(attachment.contentId()).isEqualTo("document1@connectathon.example");
			assertThat(attachment.content()).isEqualTo(SoapSamples.DOCUMENT);
		});
	}

	@Test
	void shouldReportRegistryErrors() {
		Sample sample = SoapSamples.request("ITI-42", "http://gateway.example/soap", NOW);
		SoapResponder.Answer answer = RESPONDER.answer(sample.contentType(), sample.body(), null);
		String failure = answer.envelope()
			.replace("ResponseStatusType:Success\"/>",
					"ResponseStatusType:Failure\"><rs:RegistryErrorList>"
							+ "<rs:RegistryError errorCode=\"XDSPatientIdDoesNotMatch\" codeContext=\"Unknown patient\""
							+ " severity=\"urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error\"/>"
							+ "</rs:RegistryErrorList></rs:RegistryResponse>");
		List<CaptureValidationIssue> issues = new SoapExchangeCheck(SCHEMAS, "ITI-42",
				SoapSamples.ACTIONS.get("ITI-42"), NOW)
			.check(Optional.of(message(sample.contentType(), sample.body())),
					Optional.of(message(answer.contentType(), failure.getBytes(StandardCharsets.UTF_8))));
		assertThat(errors(issues)).extracting(CaptureValidationIssue::message)
			.containsExactly("[ebRS 3.0 RegistryResponse] Status Failure.",
					"[RegistryError XDSPatientIdDoesNotMatch] Unknown patient");
	}

	@Test
	void shouldSayWhatIsWrongWithMalformedUnknownAndTruncatedBodies() {
		List<CaptureValidationIssue> malformed = new SoapExchangeCheck(SCHEMAS, "ITI-38", null, NOW)
			.check(Optional.of(message("application/soap+xml", "<soap:Envelope><oops>".getBytes())), Optional.empty());
		assertThat(malformed).anySatisfy((issue) -> {
			assertThat(issue.severity()).isEqualTo("fatal");
			assertThat(issue.message()).startsWith("[XML] The request is not well-formed XML");
			assertThat(issue.line()).isEqualTo(1);
		});
		Sample sample = SoapSamples.request("ITI-38", "http://gateway.example/soap", NOW);
		SoapExchangeCheck unknown = new SoapExchangeCheck(SCHEMAS, null, "urn:example:Unknown", NOW);
		assertThat(unknown.check(Optional.of(message(sample.contentType(), sample.body())), Optional.empty()))
			.anySatisfy((issue) -> assertThat(issue.message()).contains("urn:example:Unknown", "unidentified"));
		CapturedMessage cut = new CapturedMessage(List.of(), sample.contentType(),
				java.util.Arrays.copyOf(sample.body(), 100), sample.body().length, true);
		SoapExchangeCheck truncated = new SoapExchangeCheck(SCHEMAS, "ITI-38", null, NOW);
		assertThat(truncated.check(Optional.of(cut), Optional.empty()))
			.anySatisfy((issue) -> assertThat(issue.message()).contains("stored only in part"));
		assertThat(truncated.anyEnvelope()).isFalse();
	}

	private static List<CaptureValidationIssue> check(String keyword, String contentType, byte[] body) {
		SoapResponder.Answer answer = RESPONDER.answer(contentType, body, null);
		return new SoapExchangeCheck(SCHEMAS, keyword, SoapSamples.ACTIONS.get(keyword), NOW).check(
				Optional.of(message(contentType, body)),
				Optional.of(message(answer.contentType(), answer.envelope().getBytes(StandardCharsets.UTF_8))));
	}

	private static CapturedMessage message(String contentType, byte[] body) {
		return new CapturedMessage(List.of(), contentType, body, body.length, false);
	}

	private static List<CaptureValidationIssue> errors(List<CaptureValidationIssue> issues) {
		return issues.stream()
			.filter((issue) -> issue.severity().equals("error") || issue.severity().equals("fatal"))
			.toList();
	}

	private static int lineOf(String text, String fragment) {
		return (int) text.substring(0, text.indexOf(fragment)).chars().filter((c) -> c == '\n').count() + 1;
	}

}
