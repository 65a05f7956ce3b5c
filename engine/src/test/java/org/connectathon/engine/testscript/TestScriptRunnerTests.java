package org.connectathon.engine.testscript;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.testscript.ScriptHarness.op;

class TestScriptRunnerTests {

	/** A server name that never resolves: only a proxy can reach it. */
	private static final RunSettings BEHIND_A_PROXY = RunSettings
		.forServer(URI.create("http://server-under-test.invalid/fhir"));

	@Test
	void shouldSendThroughTheClientItIsGiven() throws IOException {
		URI reference = URI.create(ScriptHarness.baseUrl());
		CloseableHttpClient viaProxy = HttpClients.custom()
			.setProxy(new HttpHost(reference.getHost(), reference.getPort()))
			.build();
		LoadedTestScript script = ScriptHarness
			.load("""
					{"resourceType":"TestScript","id":"proxied","url":"http://example.org/TestScript/proxied","name":"Proxied","status":"active",
					 "test":[{"name":"capabilities","action":[
					  {"operation":{"type":OP,"encodeRequestUrl":true}},
					  {"assert":{"resource":"CapabilityStatement","warningOnly":false}}]}]}"""
				.replace("OP", op("capabilities")));

		ScriptResult proxied = new TestScriptRunner(BEHIND_A_PROXY, viaProxy).run(script);
		ScriptResult direct = new TestScriptRunner(BEHIND_A_PROXY).run(script);

		assertThat(proxied.outcome()).as(proxied.actions().toString()).isEqualTo(Outcome.PASS);
		assertThat(direct.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(new TestScriptRunner(BEHIND_A_PROXY, viaProxy).runAll(List.of(script, script), 2))
			.extracting(ScriptResult::outcome)
			.containsExactly(Outcome.PASS, Outcome.PASS);
		viaProxy.close();
	}

}
