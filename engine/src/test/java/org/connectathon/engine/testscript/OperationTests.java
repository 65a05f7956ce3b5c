package org.connectathon.engine.testscript;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.testscript.ScriptHarness.op;
import static org.connectathon.engine.testscript.ScriptHarness.run;
import static org.connectathon.engine.testscript.ScriptHarness.script;

/**
 * Every operation type, once where the server answers as the script expects and once
 * where it does not.
 */
class OperationTests {

	static Stream<Arguments> operations() {
		return Stream.of(
				// read
				Arguments.of("read passes", operation("read", "\"params\":\"/${pid}\"") + "," + response("okay"),
						Outcome.PASS),
				Arguments.of("read fails", operation("read", "\"params\":\"/${pid}-missing\"") + "," + response("okay"),
						Outcome.FAIL),
				// vread, with the version from the read response
				Arguments.of("vread passes",
						operation("read", "\"params\":\"/${pid}\",\"responseId\":\"read\"") + ","
								+ operation("vread", "\"targetId\":\"read\"") + "," + response("okay"),
						Outcome.PASS),
				Arguments.of("vread fails",
						operation("vread", "\"params\":\"/${pid}/_history/99\"") + "," + response("okay"),
						Outcome.FAIL),
				// update
				Arguments.of("update passes",
						operation("update", "\"params\":\"/${pid}\",\"sourceId\":\"other\"") + "," + response("okay"),
						Outcome.PASS),
				Arguments.of("update fails",
						operation("update", "\"params\":\"/${pid}\",\"sourceId\":\"other\"") + ","
								+ response("created"),
						Outcome.FAIL),
				// updateCreate
				Arguments.of("updateCreate passes",
						operation("updateCreate", "\"params\":\"/${pid}-new\",\"sourceId\":\"other\"") + ","
								+ response("created"),
						Outcome.PASS),
				Arguments.of("updateCreate fails",
						operation("updateCreate", "\"params\":\"/${pid}\",\"sourceId\":\"other\"") + ","
								+ response("created"),
						Outcome.FAIL),
				// patch with a JSON Patch fixture file
				Arguments.of("patch passes",
						operation("patch", "\"params\":\"/${pid}\",\"sourceId\":\"gender-female\"") + ","
								+ response("okay") + "," + operation("read", "\"params\":\"/${pid}\"") + ","
								+ expression("Patient.gender", "equals", "female"),
						Outcome.PASS),
				Arguments.of("patch fails",
						operation("patch", "\"params\":\"/${pid}-missing\",\"sourceId\":\"gender-female\"") + ","
								+ response("okay"),
						Outcome.FAIL),
				// delete
				Arguments.of("delete passes",
						operation("delete", "\"params\":\"/${pid}\"") + "," + responseCode("in", "200,204") + ","
								+ operation("read", "\"params\":\"/${pid}\"") + "," + response("gone"),
						Outcome.PASS),
				Arguments.of("delete fails",
						operation("delete", "\"params\":\"/${pid}\"") + ","
								+ operation("read", "\"params\":\"/${pid}\"") + "," + response("okay"),
						Outcome.FAIL),
				// conditional deletes
				Arguments.of("deleteCondSingle passes",
						operation("deleteCondSingle", "\"params\":\"?identifier=${pid}\"") + ","
								+ operation("search", "\"params\":\"?identifier=${pid}\"") + ","
								+ expression("Bundle.total", "equals", "0"),
						Outcome.PASS),
				Arguments.of("deleteCondSingle fails",
						operation("deleteCondSingle", "\"params\":\"?identifier=${pid}\"") + ","
								+ operation("search", "\"params\":\"?identifier=${pid}\"") + ","
								+ expression("Bundle.total", "equals", "1"),
						Outcome.FAIL),
				Arguments.of("deleteCondMultiple passes", operation("create", "\"sourceId\":\"patient\"") + ","
						+ operation("deleteCondMultiple", "\"params\":\"?identifier=${pid}\"") + ","
						+ responseCode("in", "200,204") + "," + operation("search", "\"params\":\"?identifier=${pid}\"")
						+ "," + expression("Bundle.total", "equals", "0"), Outcome.PASS),
				Arguments.of("deleteCondMultiple fails",
						operation("create", "\"sourceId\":\"patient\"")
								+ "," + operation("deleteCondMultiple", "\"params\":\"?identifier=${pid}-other\"") + ","
								+ operation("search", "\"params\":\"?identifier=${pid}\"") + ","
								+ expression("Bundle.total", "equals", "0"),
						Outcome.FAIL),
				// history, instance and type level
				Arguments.of("history passes",
						operation("history", "\"params\":\"/${pid}/_history\"") + ","
								+ expression("Bundle.type", "equals", "history"),
						Outcome.PASS),
				Arguments.of("type history passes",
						operation("history", "") + "," + expression("Bundle.type", "equals", "history"), Outcome.PASS),
				Arguments.of("history fails",
						operation("history", "\"params\":\"/${pid}-missing/_history\"") + "," + response("okay"),
						Outcome.FAIL),
				// create
				Arguments.of("create passes", operation("create", "\"sourceId\":\"patient\"") + ","
						+ response("created") + ","
						+ "{\"assert\":{\"headerField\":\"Location\",\"operator\":\"notEmpty\",\"warningOnly\":false}}",
						Outcome.PASS),
				Arguments.of("create fails",
						"{\"operation\":{\"type\":" + op("create")
								+ ",\"resource\":\"Observation\",\"sourceId\":\"patient\",\"encodeRequestUrl\":true}},"
								+ response("created"),
						Outcome.FAIL),
				// search, type and system level
				Arguments.of("search passes",
						operation("search", "\"params\":\"?identifier=${pid}\"") + ","
								+ expression("Bundle.total", "equals", "1"),
						Outcome.PASS),
				Arguments.of("search fails",
						operation("search", "\"params\":\"?identifier=${pid}-nobody\"") + ","
								+ expression("Bundle.total", "equals", "1"),
						Outcome.FAIL),
				Arguments.of("system search passes",
						"{\"operation\":{\"type\":" + op("search")
								+ ",\"params\":\"?_id=${pid}\",\"encodeRequestUrl\":true}},"
								+ expression("Bundle.entry.resource.id", "equals", "${pid}"),
						Outcome.PASS),
				Arguments.of("system search fails",
						"{\"operation\":{\"type\":" + op("search")
								+ ",\"params\":\"?_id=${pid}-none\",\"encodeRequestUrl\":true}},"
								+ expression("Bundle.entry.resource.id", "equals", "${pid}"),
						Outcome.FAIL),
				// batch and transaction
				Arguments.of("batch passes",
						system("batch", "batch") + "," + response("okay") + ","
								+ expression("Bundle.entry[0].response.status", "equals", "200 OK"),
						Outcome.PASS),
				Arguments.of("batch fails",
						system("batch", "batch-missing") + ","
								+ expression("Bundle.entry[0].response.status", "equals", "200 OK"),
						Outcome.FAIL),
				Arguments.of("transaction passes",
						system("transaction", "transaction") + "," + response("okay") + ","
								+ expression("Bundle.type", "equals", "transaction-response"),
						Outcome.PASS),
				Arguments.of("transaction fails", system("transaction", "transaction-missing") + "," + response("okay"),
						Outcome.FAIL),
				// capabilities
				Arguments.of("capabilities passes",
						"{\"operation\":{\"type\":" + op("capabilities") + ",\"encodeRequestUrl\":true}},"
								+ "{\"assert\":{\"resource\":\"CapabilityStatement\",\"warningOnly\":false}}",
						Outcome.PASS),
				Arguments.of("capabilities fails",
						"{\"operation\":{\"type\":" + op("capabilities") + ",\"encodeRequestUrl\":true}},"
								+ "{\"assert\":{\"resource\":\"Patient\",\"warningOnly\":false}}",
						Outcome.FAIL),
				// a named operation, on the instance the targetId names
				Arguments.of("$everything passes",
						operation("read", "\"params\":\"/${pid}\",\"responseId\":\"read\"") + ","
								+ operation("everything", "\"targetId\":\"read\"") + ","
								+ expression("Bundle.entry.resource.id", "equals", "${pid}"),
						Outcome.PASS),
				Arguments.of("$everything fails",
						operation("everything", "\"params\":\"/${pid}-missing/$everything\"") + "," + response("okay"),
						Outcome.FAIL));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void shouldRunEveryOperationType(String name, String actions, Outcome expected) {
		ScriptResult result = run(script(actions));
		assertThat(result.outcome()).as(result.actions().toString()).isEqualTo(expected);
	}

	@Test
	void shouldSendAcceptContentTypeAndRequestHeaders() {
		ScriptResult result = run(script("{\"operation\":{\"type\":" + op("read")
				+ ",\"resource\":\"Patient\",\"params\":\"/${pid}\",\"accept\":\"xml\","
				+ "\"encodeRequestUrl\":true,\"requestHeader\":[{\"field\":\"X-Case\",\"value\":\"id ${pid}\"}]}},"
				+ "{\"assert\":{\"contentType\":\"xml\",\"warningOnly\":false}},"
				+ "{\"assert\":{\"direction\":\"request\",\"headerField\":\"Accept\",\"value\":\"application/fhir+xml\",\"warningOnly\":false}},"
				+ "{\"assert\":{\"direction\":\"request\",\"headerField\":\"X-Case\",\"operator\":\"contains\",\"value\":\"id case-\",\"warningOnly\":false}},"
				+ "{\"assert\":{\"path\":\"fhir:Patient/fhir:name/fhir:family/@value\",\"value\":\"Chalmers\",\"warningOnly\":false}}"));
		assertThat(result.outcome()).as(result.actions().toString()).isEqualTo(Outcome.PASS);
	}

	@Test
	void shouldSendXmlBodiesWhenTheContentTypeIsXml() {
		ScriptResult result = run(script("{\"operation\":{\"type\":" + op("create")
				+ ",\"resource\":\"Patient\",\"sourceId\":\"other\","
				+ "\"contentType\":\"xml\",\"requestId\":\"sent\",\"encodeRequestUrl\":true}}," + response("created")
				+ ","
				+ "{\"assert\":{\"sourceId\":\"sent\",\"direction\":\"request\",\"contentType\":\"application/fhir+xml\",\"warningOnly\":false}}"));
		assertThat(result.outcome()).as(result.actions().toString()).isEqualTo(Outcome.PASS);
	}

	@Test
	void shouldSendEachDestinationToItsOwnBaseUrl() {
		String actions = "{\"operation\":{\"type\":" + op("read")
				+ ",\"resource\":\"Patient\",\"params\":\"/${pid}\",\"destination\":2,\"encodeRequestUrl\":true}},"
				+ "{\"assert\":{\"requestURL\":\"http://127.0.0.1:\",\"operator\":\"contains\",\"warningOnly\":false}},"
				+ response("okay");
		URI sameServerOtherName = URI.create(ScriptHarness.baseUrl().replace("localhost", "127.0.0.1"));
		assertThat(run(script(actions), Map.of(2, sameServerOtherName)).outcome()).isEqualTo(Outcome.PASS);
		ScriptResult unreachable = run(script(actions), Map.of(2, URI.create("http://127.0.0.1:1/fhir")));
		assertThat(unreachable.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(unreachable.actions()).filteredOn(action -> action.outcome() == Outcome.ERROR)
			.singleElement()
			.satisfies(action -> assertThat(action.message())
				.startsWith("CTN-3009: GET http://127.0.0.1:1/fhir/Patient/"));
	}

	@Test
	void shouldUseTheUrlElementWithVariablesFromResponseHeaders() {
		ScriptResult result = run(script(operation("create", "\"sourceId\":\"other\",\"responseId\":\"created\"") + ","
				+ "{\"operation\":{\"type\":" + op("read") + ",\"url\":\"${location}\",\"encodeRequestUrl\":true}},"
				+ response("okay") + "," + expression("Patient.name.family", "equals", "Smith"))
			.replace("\"variable\":[",
					"\"variable\":[{\"name\":\"location\",\"headerField\":\"Location\",\"sourceId\":\"created\"},"));
		assertThat(result.outcome()).as(result.actions().toString()).isEqualTo(Outcome.PASS);
	}

	@Test
	void shouldNotEncodeTheUrlWhenAskedNotTo() {
		String actions = "{\"operation\":{\"type\":" + op("search")
				+ ",\"resource\":\"Patient\",\"params\":\"?identifier=urn:test|${pid}\",\"encodeRequestUrl\":ENCODE}},"
				+ "{\"assert\":{\"requestURL\":\"urn%3Atest%7C\",\"operator\":\"contains\",\"warningOnly\":false}}";
		assertThat(run(script(actions.replace("ENCODE", "true"))).outcome()).isEqualTo(Outcome.PASS);
		ScriptResult unencoded = run(script(actions.replace("ENCODE", "false")));
		assertThat(unencoded.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(unencoded.actions().get(2).message()).startsWith("CTN-3008: the request URL");
	}

	static String operation(String code, String more) {
		return "{\"operation\":{\"type\":" + op(code) + ",\"resource\":\"Patient\",\"encodeRequestUrl\":true"
				+ (more.isEmpty() ? "" : "," + more) + "}}";
	}

	static String system(String code, String fixture) {
		return "{\"operation\":{\"type\":" + op(code) + ",\"sourceId\":\"" + fixture + "\",\"encodeRequestUrl\":true}}";
	}

	static String response(String code) {
		return "{\"assert\":{\"response\":\"" + code + "\",\"warningOnly\":false}}";
	}

	static String responseCode(String operator, String codes) {
		return "{\"assert\":{\"operator\":\"" + operator + "\",\"responseCode\":\"" + codes
				+ "\",\"warningOnly\":false}}";
	}

	static String expression(String expression, String operator, String value) {
		return "{\"assert\":{\"expression\":\"" + expression + "\",\"operator\":\"" + operator + "\""
				+ (value == null ? "" : ",\"value\":\"" + value + "\"") + ",\"warningOnly\":false}}";
	}

}
