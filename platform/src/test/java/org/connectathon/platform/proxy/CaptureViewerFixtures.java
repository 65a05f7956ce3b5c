package org.connectathon.platform.proxy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.proxy.CapturedMessage.Header;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.PeerToPeerTestBuilder;
import org.connectathon.platform.testing.TestingFixtures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An event whose proxy recorded exchanges between three organizations' systems, stored as
 * the recorder stores them: Acme's consumer asked Globex's supplier for a patient within
 * a running instance of PDQM-QUERY (attached to its step 1, validated with an error on
 * the patient's birth date), Initech's client asked Globex's supplier too (attached to
 * nothing, still pending validation), and Initech's client called an endpoint that failed
 * (502).
 */
final class CaptureViewerFixtures {

	static final OffsetDateTime NOON = OffsetDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC);

	static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"1\",\"name\":[{\"family\":\"Chalmers\"}],"
			+ "\"birthDate\":\"1974-13-25\"}";

	final PeerToPeerTestBuilder pdqmQuery;

	final Organization initechOrganization;

	final User initechUser;

	final long initechClient;

	final long instance;

	/** Acme's consumer to Globex's supplier, attached to the instance's step 1. */
	final Capture acmeToGlobex;

	/** Initech's client to Globex's supplier, attached to no instance. */
	final Capture initechToGlobex;

	/** Initech's client to a failed upstream: no answer, 502 from the proxy. */
	final Capture initechFailed;

	CaptureViewerFixtures(Fixtures fixtures, CaptureRepository captures, JdbcClient jdbc) {
		this.pdqmQuery = PeerToPeerTestBuilder.pdqmQuery(fixtures, fixtures.openEvent());
		this.initechOrganization = fixtures.organization();
		this.initechUser = fixtures.user(Role.PARTICIPANT, this.initechOrganization);
		this.initechClient = TestingFixtures.publishedSystem(fixtures.apiAs(this.initechUser), this.pdqmQuery.event(),
				"Initech Client", "PDQm:CONSUMER");
		this.instance = this.pdqmQuery.instance();
		long event = this.pdqmQuery.event().id();
		List<Capture> stored = captures.insertAll(
				List.of(read(event, this.pdqmQuery.consumer(), this.pdqmQuery.supplier(), NOON, 200, PATIENT, false),
						read(event, this.initechClient, this.pdqmQuery.supplier(), NOON.plusMinutes(1), 404,
								"{\"resourceType\":\"OperationOutcome\"}", false),
						failed(event, this.initechClient, NOON.plusMinutes(2))));
		this.acmeToGlobex = stored.get(0);
		this.initechToGlobex = stored.get(1);
		this.initechFailed = stored.get(2);
		// What correlation and validation write once they ran (issue 14, items 3 and 4).
		jdbc.sql("""
				update captures set test_instance_id = :instance, step_index = 1, attached_by = 'CORRELATION',
				validation_status = 'INVALID', validation_errors = 1, validation_warnings = 0,
				validation_issues = :issues where id = :id""").param("instance", this.instance).param("issues", """
				[{"side":"response","severity":"error","location":"Patient.birthDate","line":1,
				"message":"Not a valid date: 1974-13-25"}]""").param("id", this.acmeToGlobex.id()).update();
		jdbc.sql("update captures set validation_status = 'SKIPPED' where id = :id")
			.param("id", this.initechFailed.id())
			.update();
		// Its validation under way on some node: it stays pending, and no validator of
		// the
		// test's node takes it (it is past the correlation's grace, so one would).
		jdbc.sql("update captures set validation_claimed_at = :now where id = :id")
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.param("id", this.initechToGlobex.id())
			.update();
	}

	long event() {
		return this.pdqmQuery.event().id();
	}

	static NewCapture read(long event, @Nullable Long sender, @Nullable Long receiver, OffsetDateTime at, int status,
			String body, boolean truncated) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		CapturedMessage request = new CapturedMessage(
				List.of(new Header("Accept", "application/fhir+json"), new Header("Authorization", "***")), null, null,
				0, false);
		CapturedMessage response = new CapturedMessage(List.of(new Header("Content-Type", "application/fhir+json")),
				"application/fhir+json", bytes, truncated ? bytes.length * 2L : bytes.length, truncated);
		return new NewCapture(event, null, receiver, sender,
				(sender != null) ? Capture.SenderIdentification.SYSTEM_TOKEN : null, "192.0.2.10", at, 3, 5, "GET",
				"/Patient/1?_format=json", "http://upstream.example/fhir/Patient/1?_format=json", status, null,
				"Patient", "read", request, response);
	}

	static NewCapture failed(long event, long sender, OffsetDateTime at) {
		CapturedMessage request = new CapturedMessage(List.of(new Header("Content-Type", "application/fhir+json")),
				"application/fhir+json", "{\"resourceType\":\"Observation\"}".getBytes(StandardCharsets.UTF_8), 30,
				false);
		CapturedMessage response = new CapturedMessage(List.of(), null, null, 0, false);
		return new NewCapture(event, null, null, sender, Capture.SenderIdentification.CLIENT_ADDRESS, "192.0.2.11", at,
				null, 30001, "POST", "/Observation", "http://unreachable.example/fhir/Observation", 502,
				"Connection refused", "Observation", "create", request, response);
	}

}
