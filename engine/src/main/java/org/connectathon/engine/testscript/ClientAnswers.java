package org.connectathon.engine.testscript;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answers the engine gives a client under test itself, when it cannot pass on the
 * destination's: an OperationOutcome, so that a FHIR client can show why.
 */
final class ClientAnswers {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private ClientAnswers() {
	}

	static ForwardedResponse operationOutcome(int status, String code, String diagnostics) {
		ObjectNode outcome = MAPPER.createObjectNode();
		outcome.put("resourceType", "OperationOutcome");
		ObjectNode issue = outcome.putArray("issue").addObject();
		issue.put("severity", "error");
		issue.put("code", code);
		issue.put("diagnostics", diagnostics);
		return new ForwardedResponse(status, Map.of("Content-Type", List.of("application/fhir+json")),
				outcome.toString().getBytes(StandardCharsets.UTF_8));
	}

}
