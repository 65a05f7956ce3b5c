package org.connectathon.platform.dashboard;

import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.TestingFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.platform.testing.TestingFixtures.participants;
import static org.connectathon.platform.testing.TestingFixtures.publishedSystem;

/**
 * An event under way for the dashboard to show: Acme's viewer and Globex's MPI ran the
 * PDQm query twice (one verified, one waiting for the monitor), Initech's summary runs
 * its validation, and Initech's publisher has no recipient to publish to.
 */
public record BusyEvent(Event event, ApiClient admin, ApiClient monitor, Organization acme, ApiClient alice,
		Organization globex, ApiClient bob, Organization initech, ApiClient carol, long queryTest, long verified,
		long waiting, long running, long publisher) {

	static final String PLAN = """
			tests:
			  - keyword: IPS-VALIDATION
			    name: The IPS document validates
			    type: NO_PEER
			    roles:
			      - { keyword: CREATOR, actor: "IPS:CREATOR" }
			    steps:
			      - { initiator: CREATOR, transaction: "IPS:IPS-SUBMIT" }
			  - keyword: PDQM-QUERY
			    name: A consumer finds the patient
			    type: PEER_TO_PEER
			    roles:
			      - { keyword: CONSUMER, actor: "PDQm:CONSUMER", verifiedInstancesNeeded: 1 }
			      - { keyword: SUPPLIER, actor: "PDQm:SUPPLIER", verifiedInstancesNeeded: 1 }
			    steps:
			      - { initiator: CONSUMER, responder: SUPPLIER, transaction: "PDQm:ITI-78" }
			  - keyword: MHD-PUBLISH
			    name: A source publishes a document
			    type: PEER_TO_PEER
			    roles:
			      - { keyword: SOURCE, actor: "MHD:DOCUMENT_SOURCE" }
			      - { keyword: RECIPIENT, actor: "MHD:DOCUMENT_RECIPIENT" }
			    steps:
			      - { initiator: SOURCE, responder: RECIPIENT, transaction: "MHD:ITI-65" }
			""";

	public static BusyEvent start(Fixtures fixtures) {
		Event event = fixtures.openEvent();
		ApiClient admin = fixtures.admin();
		long validationTest = TestingFixtures.importedTest(admin, event, PLAN, "IPS-VALIDATION").path("id").asLong();
		long queryTest = TestingFixtures.importedTest(admin, event, PLAN, "PDQM-QUERY").path("id").asLong();
		User monitorUser = fixtures.user(Role.MONITOR, null);
		ApiClient monitor = fixtures.apiAs(monitorUser);
		admin.put("/api/tests/" + queryTest + "/monitors", List.of(monitorUser.id()));
		Organization acme = fixtures.organization();
		Organization globex = fixtures.organization();
		Organization initech = fixtures.organization();
		ApiClient alice = fixtures.participantOf(acme);
		ApiClient bob = fixtures.participantOf(globex);
		ApiClient carol = fixtures.participantOf(initech);
		long viewer = publishedSystem(alice, event, "Acme Viewer", "PDQm:CONSUMER");
		long mpi = publishedSystem(bob, event, "Globex MPI", "PDQm:SUPPLIER");
		long summary = publishedSystem(carol, event, "Initech Summary", "IPS:CREATOR");
		long publisher = publishedSystem(carol, event, "Initech Publisher", "MHD:DOCUMENT_SOURCE");
		long verified = handOver(alice, queryTest, participants("CONSUMER", viewer, "SUPPLIER", mpi));
		Response verdict = monitor.post("/api/test-instances/" + verified + "/verdict",
				Map.of("status", "VERIFIED", "comment", "Checked"));
		assertThat(verdict.status()).as(verdict.toString()).isEqualTo(200);
		long waiting = handOver(alice, queryTest, participants("CONSUMER", viewer, "SUPPLIER", mpi));
		long running = start(carol, validationTest, participants("CREATOR", summary));
		return new BusyEvent(event, admin, monitor, acme, alice, globex, bob, initech, carol, queryTest, verified,
				waiting, running, publisher);
	}

	static long start(ApiClient client, long test, Map<String, Object> participants) {
		Response started = client.post("/api/tests/" + test + "/instances", participants);
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().path("id").asLong();
	}

	static long handOver(ApiClient client, long test, Map<String, Object> participants) {
		long instance = start(client, test, participants);
		Response handedOver = client.post("/api/test-instances/" + instance + "/status",
				Map.of("status", "TO_BE_VERIFIED"));
		assertThat(handedOver.status()).as(handedOver.toString()).isEqualTo(200);
		return instance;
	}

	String dashboardPath() {
		return "/api/events/" + this.event.id() + "/dashboard";
	}

}
