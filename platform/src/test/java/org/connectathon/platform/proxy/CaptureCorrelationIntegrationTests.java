package org.connectathon.platform.proxy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.proxy.Capture.Attachment;
import org.connectathon.platform.proxy.CapturedMessage.Header;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.PeerToPeerTestBuilder;
import org.connectathon.platform.testing.TestPlanIntegrationTests;
import org.connectathon.platform.testing.TestingFixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures become evidence of steps: the correlation attaches a capture to the one step
 * of a running instance whose systems exchanged it in the step's roles and whose
 * transaction declares the request (PDQm ITI-78: {@code fhir:search-type Patient},
 * {@code fhir:read Patient}); people attach and detach by hand within the rules; the
 * bodies are validated in the background; the instance page shows it all.
 */
@PlatformIntegrationTest
class CaptureCorrelationIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CaptureRepository captures;

	@Autowired
	CaptureIdentification identification;

	@Autowired
	CaptureCorrelator correlator;

	@Autowired
	CaptureValidationWorker validation;

	PeerToPeerTestBuilder pdqmQuery;

	@BeforeEach
	void aPeerToPeerTestWithTwoPartners() {
		this.pdqmQuery = PeerToPeerTestBuilder.pdqmQuery(this.fixtures, this.fixtures.openEvent());
	}

	@Test
	void shouldAttachACaptureToTheOneStepWhoseRolesAndTransactionItFits() {
		long instance = this.pdqmQuery.instance();

		Capture search = correlated(fromConsumerToSupplier("GET", "/Patient?family=Chalmers", "search-type"));
		Capture read = correlated(fromConsumerToSupplier("GET", "/Patient/42", "read"));

		assertThat(search.testInstanceId()).isEqualTo(instance);
		assertThat(search.stepIndex()).isEqualTo(1);
		assertThat(search.attachedBy()).isEqualTo(Attachment.CORRELATION);
		assertThat(read.testInstanceId()).isEqualTo(instance);
	}

	@Test
	void shouldLeaveACaptureUnattachedWhenTwoRunningInstancesFitIt() {
		this.pdqmQuery.instance();
		this.pdqmQuery.instance();

		Capture search = correlated(fromConsumerToSupplier("GET", "/Patient?family=Chalmers", "search-type"));

		assertThat(search.testInstanceId()).isNull();
		assertThat(search.attachedBy()).isNull();
	}

	@Test
	void shouldLeaveACaptureUnattachedWhenNoStepFitsItsRequestSystemsOrEvent() {
		long instance = this.pdqmQuery.instance();

		Capture observation = correlated(capture(this.pdqmQuery.event().id(), this.pdqmQuery.consumer(),
				this.pdqmQuery.supplier(), "POST", "/Observation", "Observation", "create", null));
		Capture reversed = correlated(capture(this.pdqmQuery.event().id(), this.pdqmQuery.supplier(),
				this.pdqmQuery.consumer(), "GET", "/Patient?family=Chalmers", "Patient", "search-type", null));
		long otherEvent = this.fixtures.openEvent().id();
		Capture elsewhere = correlated(capture(otherEvent, this.pdqmQuery.consumer(), this.pdqmQuery.supplier(), "GET",
				"/Patient?family=Chalmers", "Patient", "search-type", null));
		Response paused = this.pdqmQuery.acme()
			.post("/api/test-instances/" + instance + "/status", Map.of("status", "PAUSED", "reason", "Lunch"));
		assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
		Capture whilePaused = correlated(fromConsumerToSupplier("GET", "/Patient?family=Chalmers", "search-type"));

		assertThat(List.of(observation, reversed, elsewhere, whilePaused)).extracting(Capture::testInstanceId)
			.containsOnlyNulls();
	}

	@Test
	void shouldAttachACaptureFromAnUnidentifiedSenderWhenOnlyOneStepFitsItsReceiver() {
		long instance = this.pdqmQuery.instance();

		Capture anonymous = correlated(capture(this.pdqmQuery.event().id(), null, this.pdqmQuery.supplier(), "GET",
				"/Patient?family=Chalmers", "Patient", "search-type", null));

		assertThat(anonymous.testInstanceId()).isEqualTo(instance);
		assertThat(anonymous.stepIndex()).isEqualTo(1);
	}

	@Test
	void shouldLetTheCapturesOrganizationsAndTheMonitorAttachByHandAndRefuseOthers() {
		this.pdqmQuery.instance();
		long instance = this.pdqmQuery.instance();
		Capture ambiguous = correlated(fromConsumerToSupplier("GET", "/Patient?family=Chalmers", "search-type"));
		assertThat(ambiguous.testInstanceId()).isNull();
		String attachment = "/api/captures/" + ambiguous.id() + "/attachment";
		Map<String, Object> stepOne = Map.of("instanceId", instance, "stepIndex", 1);

		Response stranger = this.fixtures.participantOf(this.fixtures.organization()).post(attachment, stepOne);
		assertThat(stranger.status()).as(stranger.toString()).isEqualTo(403);
		assertThat(stranger.contentType()).contains("application/problem+json");
		assertThat(stranger.json().path("detail").asString()).startsWith("CTN-6025: ");
		Response noSuchStep = this.pdqmQuery.acme().post(attachment, Map.of("instanceId", instance, "stepIndex", 7));
		assertThat(noSuchStep.status()).as(noSuchStep.toString()).isEqualTo(400);
		assertThat(this.captures.find(ambiguous.id()).orElseThrow().testInstanceId()).isNull();

		Response attached = this.pdqmQuery.acme().post(attachment, stepOne);
		assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
		assertThat(attached.json().path("testInstanceId").asLong()).isEqualTo(instance);
		assertThat(attached.json().path("attachedBy").asString()).isEqualTo("HAND");
		Response twice = this.pdqmQuery.globex().post(attachment, stepOne);
		assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
		assertThat(twice.json().path("detail").asString()).startsWith("CTN-6022: ");

		Response detached = this.pdqmQuery.globex().delete(attachment);
		assertThat(detached.status()).as(detached.toString()).isEqualTo(200);
		assertThat(this.captures.find(ambiguous.id()).orElseThrow().testInstanceId()).isNull();
		Response notAttached = this.pdqmQuery.globex().delete(attachment);
		assertThat(notAttached.status()).isEqualTo(409);
		assertThat(notAttached.json().path("detail").asString()).startsWith("CTN-6023: ");

		User monitor = this.fixtures.user(Role.MONITOR, null);
		ApiClient unassigned = this.fixtures.apiAs(this.fixtures.user(Role.MONITOR, null));
		this.pdqmQuery.monitoredBy(monitor.id());
		assertThat(unassigned.post(attachment, stepOne).status()).isEqualTo(403);
		Response byMonitor = this.fixtures.apiAs(monitor).post(attachment, stepOne);
		assertThat(byMonitor.status()).as(byMonitor.toString()).isEqualTo(200);
	}

	@Test
	void shouldRefuseToAttachACaptureOfAnotherEventOrOfOtherSystems() {
		long instance = this.pdqmQuery.instance();
		Capture elsewhere = this.captures
			.insertAll(List.of(capture(this.fixtures.openEvent().id(), this.pdqmQuery.consumer(),
					this.pdqmQuery.supplier(), "GET", "/Patient/1", "Patient", "read", null)))
			.get(0);
		Capture anotherReceiver = this.captures
			.insertAll(List.of(capture(this.pdqmQuery.event().id(), this.pdqmQuery.consumer(), null, "GET",
					"/Patient/1", "Patient", "read", null)))
			.get(0);

		Response otherEvent = this.pdqmQuery.acme()
			.post("/api/captures/" + elsewhere.id() + "/attachment", Map.of("instanceId", instance, "stepIndex", 1));
		Response otherSystems = this.pdqmQuery.acme()
			.post("/api/captures/" + anotherReceiver.id() + "/attachment",
					Map.of("instanceId", instance, "stepIndex", 1));

		assertThat(otherEvent.status()).as(otherEvent.toString()).isEqualTo(400);
		assertThat(otherEvent.json().path("detail").asString()).startsWith("CTN-6020: ");
		assertThat(otherSystems.status()).as(otherSystems.toString()).isEqualTo(400);
		assertThat(otherSystems.json().path("detail").asString()).startsWith("CTN-6021: ");
		assertThat(this.captures.find(elsewhere.id()).orElseThrow().testInstanceId()).isNull();
	}

	@Test
	void shouldValidateAnInvalidPatientSentThroughAndShowItsErrorOnTheInstancePage() throws Exception {
		long instance = this.pdqmQuery.instance();
		String patient = """
				{"resourceType": "Patient",
				 "gender": "bogus"}""";
		Capture sent = correlated(capture(this.pdqmQuery.event().id(), this.pdqmQuery.consumer(),
				this.pdqmQuery.supplier(), "GET", "/Patient/7", "Patient", "read", patient));
		assertThat(sent.testInstanceId()).isEqualTo(instance);

		Capture validated = validated(sent.id());

		assertThat(validated.validationStatus()).isEqualTo(CaptureValidationStatus.INVALID);
		assertThat(validated.validationErrors()).isPositive();
		User acme = this.fixtures.user(Role.PARTICIPANT, this.pdqmQuery.acmeOrganization());
		PageClient page = PageClient.signedIn(this.fixtures.port(), acme.username());
		assertThat(page.get("/test-instances/" + instance).body())
			.contains("/test-instances/" + instance + "/captures-panel");
		String panel = page.get("/test-instances/" + instance + "/captures-panel").body();
		assertThat(panel).contains("href=\"/captures/" + sent.id() + "\"", "/Patient/7", "invalid", "Patient.gender",
				"bogus");
		PageClient stranger = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization()).username());
		assertThat(stranger.get("/test-instances/" + instance + "/captures-panel").body())
			.doesNotContain("/captures/" + sent.id());
	}

	@Test
	void shouldSkipTheValidationOfBodiesThatAreNotFhirOrWereCut() {
		Capture nothing = correlated(fromConsumerToSupplier("DELETE", "/Patient/7", "delete"));
		NewCapture cut = withResponse(
				capture(this.pdqmQuery.event().id(), this.pdqmQuery.consumer(), this.pdqmQuery.supplier(), "GET",
						"/Patient/8", "Patient", "read", null),
				new CapturedMessage(List.of(), "application/fhir+json",
						"{\"resourceType\":\"Patient\",".getBytes(StandardCharsets.UTF_8), 4_000_000, true));
		Capture truncated = correlated(cut);

		assertThat(validated(nothing.id()).validationStatus()).isEqualTo(CaptureValidationStatus.SKIPPED);
		assertThat(validated(truncated.id()).validationStatus()).isEqualTo(CaptureValidationStatus.SKIPPED);
	}

	@Test
	void shouldIdentifySoapAndHl7v2CapturesByTheirActionOrMessageTypeAndAttachThemToTheirStep() {
		Event event = this.fixtures.openEvent();
		ApiClient admin = this.fixtures.admin();
		ApiClient acme = this.fixtures.participantOf(this.fixtures.organization());
		ApiClient globex = this.fixtures.participantOf(this.fixtures.organization());
		long queryTest = TestingFixtures
			.importedTest(admin, event, TestPlanIntegrationTests.IHE_PLAN, "XCA-QUERY-RETRIEVE")
			.path("id")
			.asLong();
		long feedTest = TestingFixtures.importedTest(admin, event, TestPlanIntegrationTests.IHE_PLAN, "PIX-FEED")
			.path("id")
			.asLong();
		long initiating = TestingFixtures.publishedSystem(acme, event, "Acme Gateway", "XCA:INITIATING_GATEWAY",
				"PIX:PATIENT_IDENTITY_SOURCE");
		long responding = TestingFixtures.publishedSystem(globex, event, "Globex Gateway", "XCA:RESPONDING_GATEWAY",
				"PIX:PIX_MANAGER");
		long query = started(acme, queryTest, "INITIATOR", initiating, "RESPONDER", responding);
		long feed = started(acme, feedTest, "SOURCE", initiating, "MANAGER", responding);

		Capture crossGatewayQuery = correlated(message(event.id(), initiating, responding, Protocol.SOAP, null,
				soapRequest("urn:ihe:iti:2007:CrossGatewayQuery")));
		Capture admit = correlated(message(event.id(), initiating, responding, Protocol.HL7V2, "ADT^A01^ADT_A01",
				"MSH|^~\\&|ACME|ACME|GLOBEX|GLOBEX|20261207120000||ADT^A01^ADT_A01|1|P|2.5\r"));
		Capture unknownAction = correlated(message(event.id(), initiating, responding, Protocol.SOAP,
				"urn:example:NotAnIheAction", soapRequest("urn:example:NotAnIheAction")));
		Capture notXml = correlated(message(event.id(), initiating, responding, Protocol.SOAP, null, "<<not xml"));

		assertThat(crossGatewayQuery.messageType()).isEqualTo("urn:ihe:iti:2007:CrossGatewayQuery");
		assertThat(crossGatewayQuery.transactionKeyword()).isEqualTo("XCA:ITI-38");
		assertThat(crossGatewayQuery.testInstanceId()).isEqualTo(query);
		assertThat(admit.transactionKeyword()).isEqualTo("PIX:ITI-8");
		assertThat(admit.testInstanceId()).isEqualTo(feed);
		assertThat(admit.stepIndex()).isEqualTo(1);
		assertThat(unknownAction.transactionKeyword()).isNull();
		assertThat(unknownAction.testInstanceId()).isNull();
		assertThat(notXml.messageType()).isNull();
		assertThat(notXml.testInstanceId()).isNull();
	}

	/** Two IHE tests whose steps are SOAP and HL7 v2 transactions. */
	private static long started(ApiClient client, long test, Object... roleThenSystem) {
		Response started = client.post("/api/tests/" + test + "/instances",
				TestingFixtures.participants(roleThenSystem));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().path("id").asLong();
	}

	private static String soapRequest(String action) {
		return """
				<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
				  <s:Header><a:Action s:mustUnderstand="1">%s</a:Action><a:MessageID>urn:uuid:1</a:MessageID></s:Header>
				  <s:Body/>
				</s:Envelope>"""
			.formatted(action);
	}

	private static NewCapture message(long event, long sender, long receiver, Protocol protocol,
			@Nullable String messageType, String requestBody) {
		byte[] body = requestBody.getBytes(StandardCharsets.UTF_8);
		CapturedMessage request = new CapturedMessage(List.of(),
				(protocol == Protocol.SOAP) ? "application/soap+xml" : null, body, body.length, false);
		CapturedMessage response = new CapturedMessage(List.of(), null, null, 0, false);
		return new NewCapture(event, null, receiver, sender, Capture.SenderIdentification.SYSTEM_TOKEN, "192.0.2.10",
				OffsetDateTime.now(ZoneOffset.UTC), 3, 5, (protocol == Protocol.SOAP) ? "POST" : "MLLP", "/",
				"http://upstream.example/", 200, null, null, null, request, response, protocol, messageType, null);
	}

	private Capture validated(long captureId) {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			this.validation.wakeUp();
			Capture capture = this.captures.find(captureId).orElseThrow();
			if (capture.validationStatus() != CaptureValidationStatus.PENDING) {
				return capture;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("Capture " + captureId + " was not validated in time");
	}

	/** Identified, stored, then correlated as the proxy's batches are, and read again. */
	private Capture correlated(NewCapture capture) {
		Capture stored = this.captures.insertAll(this.identification.identify(List.of(capture))).get(0);
		this.correlator.correlate(List.of(stored));
		return this.captures.find(stored.id()).orElseThrow();
	}

	private NewCapture fromConsumerToSupplier(String method, String url, String interaction) {
		return capture(this.pdqmQuery.event().id(), this.pdqmQuery.consumer(), this.pdqmQuery.supplier(), method, url,
				"Patient", interaction, null);
	}

	private static NewCapture capture(long event, @Nullable Long sender, @Nullable Long receiver, String method,
			String url, String resourceType, String interaction, @Nullable String responseBody) {
		CapturedMessage request = new CapturedMessage(List.of(new Header("Accept", "application/fhir+json")), null,
				null, 0, false);
		byte[] body = (responseBody != null) ? responseBody.getBytes(StandardCharsets.UTF_8) : null;
		CapturedMessage response = new CapturedMessage(List.of(), (body != null) ? "application/fhir+json" : null, body,
				(body != null) ? body.length : 0, false);
		return new NewCapture(event, null, receiver, sender,
				(sender != null) ? Capture.SenderIdentification.SYSTEM_TOKEN : null, "192.0.2.10",
				OffsetDateTime.now(ZoneOffset.UTC), 3, 5, method, url, "http://upstream.example" + url, 200, null,
				resourceType, interaction, request, response);
	}

	private static NewCapture withResponse(NewCapture capture, CapturedMessage response) {
		return new NewCapture(capture.eventId(), capture.endpointId(), capture.receiverSystemId(),
				capture.senderSystemId(), capture.senderIdentifiedBy(), capture.clientAddress(), capture.startedAt(),
				capture.upstreamMillis(), capture.totalMillis(), capture.method(), capture.url(), capture.upstreamUrl(),
				capture.status(), capture.failure(), capture.resourceType(), capture.interaction(), capture.request(),
				response);
	}

}
