package org.connectathon.platform.testing;

import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.platform.testing.TestingFixtures.participants;
import static org.connectathon.platform.testing.TestingFixtures.publishedSystem;

/**
 * The peer-to-peer test PDQM-QUERY ({@link TestPlanIntegrationTests#PEER_TO_PEER_PLAN})
 * imported into an event, with two partners from two organizations: Acme's consumer "Acme
 * Viewer", whose participant {@link #acme()} starts the instances, and Globex's supplier
 * "Globex MPI", whose participant is {@link #globex()}. Everything goes through the JSON
 * API as participants would; {@link #instance()} and {@link #handedOver()} each start a
 * new instance.
 */
public final class PeerToPeerTestBuilder {

	private final Event event;

	private final ApiClient admin;

	private final Organization acmeOrganization;

	private final ApiClient acme;

	private final ApiClient globex;

	private final long test;

	private final long consumer;

	private final long supplier;

	private PeerToPeerTestBuilder(Fixtures fixtures, Event event) {
		this.event = event;
		this.admin = fixtures.admin();
		this.acmeOrganization = fixtures.organization();
		this.acme = fixtures.participantOf(this.acmeOrganization);
		this.globex = fixtures.participantOf(fixtures.organization());
		this.test = TestingFixtures
			.importedTest(this.admin, event, TestPlanIntegrationTests.PEER_TO_PEER_PLAN, "PDQM-QUERY")
			.path("id")
			.asLong();
		this.consumer = publishedSystem(this.acme, event, "Acme Viewer", "PDQm:CONSUMER");
		this.supplier = publishedSystem(this.globex, event, "Globex MPI", "PDQm:SUPPLIER");
	}

	/** PDQM-QUERY in the event, with Acme's consumer and Globex's supplier to play it. */
	public static PeerToPeerTestBuilder pdqmQuery(Fixtures fixtures, Event event) {
		return new PeerToPeerTestBuilder(fixtures, event);
	}

	/**
	 * A new running instance of Acme's consumer with Globex's supplier, started by Acme.
	 */
	public long instance() {
		Response started = this.acme.post("/api/tests/" + this.test + "/instances",
				participants("CONSUMER", this.consumer, "SUPPLIER", this.supplier));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().path("id").asLong();
	}

	/** A new instance that Acme handed to the monitors: to be verified. */
	public long handedOver() {
		long instance = instance();
		Response handedOver = this.acme.post("/api/test-instances/" + instance + "/status",
				Map.of("status", "TO_BE_VERIFIED", "reason", "Done"));
		assertThat(handedOver.status()).as(handedOver.toString()).isEqualTo(200);
		return instance;
	}

	/** The instance's status as Acme, taking part, reads it. */
	public String status(long instance) {
		return this.acme.get("/api/test-instances/" + instance).json().path("instance").path("status").asString();
	}

	/** Assigns the monitors to the test, replacing those it had. */
	public PeerToPeerTestBuilder monitoredBy(Long... monitorIds) {
		Response assigned = this.admin.put("/api/tests/" + this.test + "/monitors", List.of(monitorIds));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		return this;
	}

	public Event event() {
		return this.event;
	}

	/** An organizer of the event, signed in to the API. */
	public ApiClient admin() {
		return this.admin;
	}

	public Organization acmeOrganization() {
		return this.acmeOrganization;
	}

	/** Acme's participant, signed in to the API. */
	public ApiClient acme() {
		return this.acme;
	}

	/** Globex's participant, signed in to the API. */
	public ApiClient globex() {
		return this.globex;
	}

	/** The test's id. */
	public long test() {
		return this.test;
	}

	/** Acme's system, registered as PDQm Consumer. */
	public long consumer() {
		return this.consumer;
	}

	/** Globex's system, registered as PDQm Supplier. */
	public long supplier() {
		return this.supplier;
	}

}
