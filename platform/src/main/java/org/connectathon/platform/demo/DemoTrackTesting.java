package org.connectathon.platform.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.connectathon.platform.demo.DemoFhirConnectathon.DemoTrackServers;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.security.UserService;
import org.connectathon.platform.tracks.ScenarioResultForm;
import org.connectathon.platform.tracks.ScenarioResultOutcome;
import org.connectathon.platform.tracks.ScenarioResultService;
import org.connectathon.platform.tracks.SignUpForm;
import org.connectathon.platform.tracks.SignUpService;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The part of the demo's FHIR connectathon that needs the running platform, once the rest
 * is committed and on a thread of its own: a server's sign-up fetches its
 * CapabilityStatement, here from the platform's reference server, whose first answer
 * takes seconds while it starts. Then Acme and Globex record their pair's results.
 */
@Component
@ConditionalOnBooleanProperty("connectathon.demo.enabled")
class DemoTrackTesting {

	/** Longer than the sign-up's own timeout: the reference server starts on demand. */
	private static final Duration REFERENCE_SERVER_START = Duration.ofSeconds(180);

	private static final Log logger = LogFactory.getLog(DemoTrackTesting.class);

	private final UserService users;

	private final SignUpService signUps;

	private final ScenarioResultService results;

	DemoTrackTesting(UserService users, SignUpService signUps, ScenarioResultService results) {
		this.users = users;
		this.signUps = signUps;
		this.results = results;
	}

	@TransactionalEventListener
	void startTesting(DemoTrackServers servers) {
		Thread tester = new Thread(() -> test(servers), "demo-track-testing");
		tester.setDaemon(true);
		tester.start();
	}

	private void test(DemoTrackServers servers) {
		try {
			awaitReferenceServer(servers.referenceServer());
			SignedInUser alice = this.users.loadUserByUsername("alice");
			SignedInUser bob = this.users.loadUserByUsername("bob");
			this.signUps.signUp(servers.ipsTrackId(),
					new SignUpForm(servers.serverSystemId(), "CREATOR", servers.referenceServer()), bob);
			this.signUps.signUp(servers.patientTrackId(),
					new SignUpForm(servers.serverSystemId(), "SERVER", servers.referenceServer()), bob);
			record(servers, servers.ipsTrackId(), "scenario-1", ScenarioResultOutcome.PASS, null, alice);
			record(servers, servers.ipsTrackId(), "scenario-2", ScenarioResultOutcome.PARTIAL,
					"Valid but for Bundle.identifier, which the server leaves out as the guide's example does.", bob);
			record(servers, servers.ipsTrackId(), "scenario-3", ScenarioResultOutcome.NOTE,
					"Rendered every section; empty sections shown with their emptyReason (see the feedback).", alice);
			record(servers, servers.patientTrackId(), "scenario-1", ScenarioResultOutcome.PASS, null, alice);
			record(servers, servers.patientTrackId(), "scenario-2", ScenarioResultOutcome.FAIL,
					"The client sent birthdate=25-12-1974; the server refused it.", alice);
			record(servers, servers.patientTrackId(), "scenario-2", ScenarioResultOutcome.PASS,
					"Passed with birthdate=1974-12-25.", bob);
		}
		catch (IOException | RuntimeException ex) {
			// The demo works without them; bob can sign the server up on the track's
			// page.
			logger.warn("The demo's track sign-ups and results could not be recorded: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void record(DemoTrackServers servers, long trackId, String scenario, ScenarioResultOutcome outcome,
			@Nullable String comment, SignedInUser participant) {
		this.results.record(trackId, new ScenarioResultForm(scenario, servers.clientSystemId(),
				servers.serverSystemId(), outcome, comment, List.of()), participant);
	}

	private static void awaitReferenceServer(String referenceServer) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest metadata = HttpRequest.newBuilder(URI.create(referenceServer + "/metadata"))
			.header("Accept", "application/fhir+json")
			.timeout(REFERENCE_SERVER_START)
			.build();
		client.send(metadata, HttpResponse.BodyHandlers.discarding());
	}

}
