package org.connectathon.platform.automation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What tests of automated steps share: the demo's IPS TestScript, a plan whose step runs
 * it, and following a run through the JSON API until it ends.
 */
public final class AutomationFixtures {

	/** The demo's TestScript: 15 actions against an IPS Repository's $summary. */
	public static final String SCRIPT = "ips-summary-operation";

	/**
	 * The engine's first run warms FHIRPath up, which takes many seconds on a busy
	 * machine.
	 */
	static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

	private AutomationFixtures() {
	}

	/** Starts a run of the step and follows it until it ends. */
	public static JsonNode runToTheEnd(ApiClient client, long instance, int step) {
		Response queued = client.post("/api/test-instances/" + instance + "/steps/" + step + "/runs", Map.of());
		assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
		assertThat(queued.json().path("status").asString()).isIn("QUEUED", "RUNNING");
		return awaitEnd(client, queued.json().path("id").asLong());
	}

	/** Polls the run until it has passed, failed or erred. */
	public static JsonNode awaitEnd(ApiClient client, long run) {
		long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
		while (true) {
			JsonNode current = client.get("/api/script-runs/" + run).json();
			if (!List.of("QUEUED", "RUNNING").contains(current.path("status").asString())) {
				return current;
			}
			assertThat(System.nanoTime()).as("run %d ends within %s: %s", run, RUN_TIMEOUT, current)
				.isLessThan(deadline);
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException exception) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(exception);
			}
		}
	}

	public static byte[] demoScript() {
		try {
			return new ClassPathResource("demo/" + SCRIPT + ".testscript.json").getContentAsByteArray();
		}
		catch (IOException exception) {
			throw new UncheckedIOException(exception);
		}
	}

	/**
	 * A no-peer test whose one step runs the script against the repository, and a manual
	 * test of an IPS Creator whose second step names a script that a tool would answer.
	 */
	public static String plan(boolean automatedPassVerifies, String script) {
		return """
				tests:
				  - keyword: IPS-SUMMARY
				    name: An IPS Repository generates an IPS with $summary
				    type: NO_PEER
				    automatedPassVerifies: %s
				    roles:
				      - { keyword: REPOSITORY, actor: "IPS:REPOSITORY" }
				    steps:
				      - { responder: REPOSITORY, transaction: "IPS:IPS-SUMMARY", testScript: %s }
				  - keyword: IPS-DOCUMENT
				    name: The IPS document validates
				    type: NO_PEER
				    roles:
				      - { keyword: CREATOR, actor: "IPS:CREATOR" }
				    steps:
				      - { initiator: CREATOR, transaction: "IPS:IPS-SUBMIT" }
				      - { initiator: CREATOR, transaction: "IPS:IPS-SUBMIT", testScript: %s }
				""".formatted(automatedPassVerifies, script, script);
	}

}
