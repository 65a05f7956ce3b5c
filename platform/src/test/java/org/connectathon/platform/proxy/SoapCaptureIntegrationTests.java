package org.connectathon.platform.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.ChunkedResponse;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.proxy.soap.SoapSamples;
import org.connectathon.platform.proxy.soap.SoapSamples.Sample;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.TestPlanIntegrationTests;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IHE SOAP exchanges through the recording proxy to a real upstream, the platform's
 * built-in SOAP responder: Acme's initiating gateway queries Globex's responding gateway
 * (ITI-38) and provides a document to its repository (ITI-41, MTOM); each capture is
 * identified, attached to the step of the running XCA instance, validated, and shown with
 * its attachment to those who may see it only.
 */
@PlatformIntegrationTest
class SoapCaptureIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	Fixtures fixtures;

	@Autowired
	CaptureRepository captures;

	@Autowired
	CaptureValidationWorker validation;

	Event event;

	User acmeUser;

	Organization initech;

	long instance;

	String gatewayProxy;

	String repositoryProxy;

	String acmeToken;

	@BeforeEach
	void acmeInitiatesAndGlobexRespondsThroughTheBuiltInResponder() {
		this.event = this.fixtures.openEventAllowingPrivateAddresses();
		ApiClient admin = this.fixtures.admin();
		Organization acme = this.fixtures.organization();
		this.acmeUser = this.fixtures.user(Role.PARTICIPANT, acme);
		ApiClient acmeApi = this.fixtures.apiAs(this.acmeUser);
		ApiClient globex = this.fixtures.participantOf(this.fixtures.organization());
		this.initech = this.fixtures.organization();
		long test = TestingFixtures
			.importedTest(admin, this.event, TestPlanIntegrationTests.IHE_PLAN, "XCA-QUERY-RETRIEVE")
			.path("id")
			.asLong();
		long initiating = TestingFixtures.publishedSystem(acmeApi, this.event, "Acme Gateway", "XCA:INITIATING_GATEWAY",
				"XDS.b:DOCUMENT_SOURCE");
		long responding = TestingFixtures.publishedSystem(globex, this.event, "Globex Gateway",
				"XCA:RESPONDING_GATEWAY", "XDS.b:DOCUMENT_REPOSITORY");
		String responder = "http://localhost:" + this.fixtures.port() + "/responders/soap/globex";
		this.gatewayProxy = endpoint(globex, responding, "XCA", "RESPONDING_GATEWAY", responder);
		this.repositoryProxy = endpoint(globex, responding, "XDS.b", "DOCUMENT_REPOSITORY", responder);
		Response started = acmeApi.post("/api/tests/" + test + "/instances",
				TestingFixtures.participants("INITIATOR", initiating, "RESPONDER", responding));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		this.instance = started.json().path("id").asLong();
		this.acmeToken = acmeApi.get("/api/systems/" + initiating + "/capture-identification")
			.json()
			.path("captureToken")
			.asString();
	}

	@Test
	void shouldIdentifyAttachAndValidateACrossGatewayQuery() throws Exception {
		Sample query = SoapSamples.request("ITI-38", this.gatewayProxy, OffsetDateTime.now());

		HttpResponse<String> answered = send(this.gatewayProxy, query.contentType(), query.body());

		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(answered.body()).contains("<wsa:RelatesTo>" + query.messageId() + "</wsa:RelatesTo>");
		Capture capture = validated(onlyCapture());
		assertThat(capture.protocol().name()).isEqualTo("SOAP");
		assertThat(capture.messageType()).isEqualTo("urn:ihe:iti:2007:CrossGatewayQuery");
		assertThat(capture.transactionKeyword()).isEqualTo("XCA:ITI-38");
		assertThat(capture.testInstanceId()).isEqualTo(this.instance);
		assertThat(capture.stepIndex()).isEqualTo(1);
		assertThat(capture.validationStatus()).as(issues(capture)).isEqualTo(CaptureValidationStatus.VALID);
		assertThat(issues(capture)).contains("Status Success");

		PageClient page = PageClient.signedIn(this.fixtures.port(), this.acmeUser.username());
		HttpResponse<String> capturePage = page.get("/captures/" + capture.id());
		assertThat(capturePage.statusCode()).as(capturePage.body()).isEqualTo(200);
		String shown = capturePage.body();
		assertThat(shown).contains("id=\"request-saml-issuer\"", "CN=Acme Identity Provider,O=Acme Health",
				"urn:oasis:names:tc:xspa:1.0:subject:purposeofuse", "TREATMENT (Treatment)",
				"<details class=\"soap-header\" id=\"request-header\">", "SOAP 1.2");
	}

	@Test
	void shouldFindEachBrokenRequestAtItsPlace() throws Exception {
		Sample sample = SoapSamples.request("ITI-38", this.gatewayProxy, OffsetDateTime.now());
		String schemaError = sample.text().replace("<query:ResponseOption ", "<query:ResponseOptions ");
		String noMessageId = sample.text().replaceAll("<wsa:MessageID>.*</wsa:MessageID>", "");
		Sample expired = SoapSamples.request("ITI-38", this.gatewayProxy, OffsetDateTime.now().minusHours(3),
				OffsetDateTime.now().minusHours(2));

		send(this.gatewayProxy, sample.contentType(), bytes(schemaError));
		Capture invalid = validated(onlyCapture());
		assertThat(invalid.validationStatus()).isEqualTo(CaptureValidationStatus.INVALID);
		assertThat(issues(invalid)).contains(
				"\"location\":\"/soap:Envelope/soap:Body/query:AdhocQueryRequest/query:ResponseOptions\"",
				"cvc-complex-type.2.4.a");
		int line = schemaError.substring(0, schemaError.indexOf("<query:ResponseOptions")).split("\n", -1).length;
		PageClient page = PageClient.signedIn(this.fixtures.port(), this.acmeUser.username());
		assertThat(page.get("/captures/" + invalid.id()).body()).as("the issue under the line it is about")
			.containsPattern("id=\"request-line-" + line
					+ "\" class=\"line error\">.*\n</span><span class=\"line-issue error\">error: \\[Schema XDS\\] cvc-complex-type.2.4.a");
		send(this.gatewayProxy, sample.contentType(), bytes(noMessageId));
		send(this.gatewayProxy, expired.contentType(), expired.body());

		List<Capture> all = capturesOfTheEvent(3);
		assertThat(issues(validated(all.get(1)))).contains("The request has no wsa:MessageID header.");
		assertThat(issues(validated(all.get(0)))).contains("[SAML 2.0 Core 2.5.1.2] The assertion expired");
	}

	@Test
	void shouldReadAnMtomSubmissionCheckItsMetadataAndLetOnlyThoseWhoSeeItDownloadTheDocument() throws Exception {
		Sample provide = SoapSamples.request("ITI-41", this.repositoryProxy, OffsetDateTime.now());

		HttpResponse<String> answered = send(this.repositoryProxy, provide.contentType(), provide.body());

		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		Capture capture = validated(onlyCapture());
		assertThat(capture.messageType()).as("the action parameter of the multipart content type")
			.isEqualTo("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b");
		assertThat(capture.transactionKeyword()).endsWith("ITI-41");
		assertThat(capture.validationStatus()).as(issues(capture)).isEqualTo(CaptureValidationStatus.VALID);
		PageClient acme = PageClient.signedIn(this.fixtures.port(), this.acmeUser.username());
		assertThat(acme.get("/captures/" + capture.id()).body()).contains("document1@connectathon.example",
				"/captures/" + capture.id() + "/attachments/1");
		HttpResponse<String> downloaded = acme.get("/captures/" + capture.id() + "/attachments/1");
		assertThat(downloaded.statusCode()).isEqualTo(200);
		assertThat(downloaded.body()).isEqualTo(new String(SoapSamples.DOCUMENT, StandardCharsets.UTF_8));
		assertThat(acme.get("/captures/" + capture.id() + "/attachments/2").statusCode()).isEqualTo(404);
		PageClient outsider = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.initech).username());
		assertThat(outsider.get("/captures/" + capture.id() + "/attachments/1").statusCode()).isEqualTo(404);

		String withoutLanguage = provide.text().replaceFirst("<rim:Slot name=\"languageCode\">.*?</rim:Slot>", "");
		send(this.repositoryProxy, provide.contentType(), withoutLanguage.getBytes(StandardCharsets.ISO_8859_1));
		Capture broken = validated(capturesOfTheEvent(2).get(0));
		assertThat(issues(broken)).contains("[ITI TF-3 Table 4.3.1-3 DocumentEntry.languageCode]");
	}

	@Test
	void shouldKeepAnUnknownActionUnidentifiedAndSayWhyMalformedXmlIsInvalid() throws Exception {
		Sample sample = SoapSamples.request("ITI-38", this.gatewayProxy, OffsetDateTime.now());
		String unknown = sample.text().replace("urn:ihe:iti:2007:CrossGatewayQuery", "urn:example:NotAnIheAction");

		HttpResponse<String> refused = send(this.gatewayProxy, "application/soap+xml; charset=UTF-8", bytes(unknown));
		assertThat(refused.body()).contains("ActionNotSupported");
		Capture unidentified = validated(onlyCapture());
		assertThat(unidentified.messageType()).isEqualTo("urn:example:NotAnIheAction");
		assertThat(unidentified.transactionKeyword()).isNull();
		assertThat(unidentified.testInstanceId()).isNull();
		assertThat(issues(unidentified)).contains("is not one the event's catalog declares", "unidentified");

		send(this.gatewayProxy, sample.contentType(), bytes("<soap:Envelope><unclosed"));
		Capture malformed = validated(capturesOfTheEvent(2).get(0));
		assertThat(malformed.validationStatus()).isEqualTo(CaptureValidationStatus.INVALID);
		assertThat(issues(malformed)).contains("is not well-formed XML");
	}

	@Test
	void shouldReportAResponseRelatedToAnotherMessageAndTheRegistrysErrors() throws Exception {
		String failure = """
				<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa="http://www.w3.org/2005/08/addressing">
				  <soap:Header>
				    <wsa:Action>urn:ihe:iti:2007:CrossGatewayQueryResponse</wsa:Action>
				    <wsa:MessageID>urn:uuid:7c6fb8b5-3e4b-4a5e-9b6a-2f1f4f3c0a11</wsa:MessageID>
				    <wsa:RelatesTo>urn:uuid:not-the-request</wsa:RelatesTo>
				  </soap:Header>
				  <soap:Body>
				    <query:AdhocQueryResponse xmlns:query="urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0"
				        xmlns:rs="urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0"
				        status="urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure">
				      <rs:RegistryErrorList>
				        <rs:RegistryError errorCode="XDSUnknownPatientId" codeContext="The patient is unknown in this community"
				            severity="urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error"/>
				      </rs:RegistryErrorList>
				    </query:AdhocQueryResponse>
				  </soap:Body>
				</soap:Envelope>""";
		HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		gateway.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			byte[] answer = failure.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/soap+xml; charset=UTF-8");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		gateway.start();
		try {
			ApiClient globex = this.fixtures.participantOf(this.fixtures.organization());
			long failing = TestingFixtures.publishedSystem(globex, this.event, "Failing Gateway",
					"XCA:RESPONDING_GATEWAY");
			String proxy = endpoint(globex, failing, "XCA", "RESPONDING_GATEWAY",
					"http://127.0.0.1:" + gateway.getAddress().getPort() + "/xca");
			Sample query = SoapSamples.request("ITI-38", proxy, OffsetDateTime.now());

			send(proxy, query.contentType(), query.body());

			Capture capture = validated(onlyCapture());
			assertThat(capture.validationStatus()).isEqualTo(CaptureValidationStatus.INVALID);
			assertThat(issues(capture)).contains(
					"The response relates to urn:uuid:not-the-request, not to the request's MessageID "
							+ query.messageId(),
					"[ebRS 3.0 RegistryResponse] Status Failure.",
					"[RegistryError XDSUnknownPatientId] The patient is unknown in this community");
		}
		finally {
			gateway.stop(0);
		}
	}

	@Test
	void shouldAnswerAnyoneAtTheResponderAndRefuseABodyOverTheLimit() throws Exception {
		String responder = "http://localhost:" + this.fixtures.port() + "/responders/soap";
		Sample query = SoapSamples.request("ITI-55", responder, OffsetDateTime.now());

		HttpResponse<String> answered = HTTP.send(HttpRequest.newBuilder(URI.create(responder))
			.header("Content-Type", query.contentType())
			.POST(BodyPublishers.ofByteArray(query.body()))
			.build(), BodyHandlers.ofString());
		// streamed, as the limit refuses a body before it has all come
		ChunkedResponse tooLarge = this.fixtures.admin()
			.anonymous()
			.postChunked("/responders/soap", query.contentType(), query.body(), 6 * 1024 * 1024);

		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).contains("urn:hl7-org:v3:PRPA_IN201306UV02:CrossGatewayPatientDiscovery"));
		assertThat(answered.body()).contains("<wsa:RelatesTo>" + query.messageId() + "</wsa:RelatesTo>",
				"<queryResponseCode code=\"NF\"/>");
		assertThat(answered.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(tooLarge.status()).as(tooLarge::toString).isEqualTo(413);
	}

	private static String endpoint(ApiClient owner, long system, String profile, String actor, String baseUrl) {
		Response endpoint = owner.post("/api/systems/" + system + "/endpoints",
				Map.of("profile", profile, "actor", actor, "baseUrl", baseUrl, "protocol", "SOAP"));
		assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
		return endpoint.json().path("proxyUrl").asString();
	}

	private HttpResponse<String> send(String url, String contentType, byte[] body)
			throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.header("X-Connectathon-System", this.acmeToken)
			.POST(BodyPublishers.ofByteArray(body))
			.build(), BodyHandlers.ofString());
	}

	private Capture onlyCapture() throws InterruptedException {
		return capturesOfTheEvent(1).get(0);
	}

	/** The event's captures, newest first, once there are that many. */
	private List<Capture> capturesOfTheEvent(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.captures.findPage(this.event.id(), CaptureFilter.none(), 0, 1).total() < count
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		return this.captures.findPage(this.event.id(), CaptureFilter.none(), 0, Math.max(count, 1)).items();
	}

	private Capture validated(Capture capture) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			this.validation.wakeUp();
			Capture found = this.captures.find(capture.id()).orElseThrow();
			if (found.validationStatus() != CaptureValidationStatus.PENDING) {
				return found;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Capture " + capture.id() + " was not validated in time");
	}

	private String issues(Capture capture) {
		return this.captures.findValidationIssues(capture.id()).orElse("");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
