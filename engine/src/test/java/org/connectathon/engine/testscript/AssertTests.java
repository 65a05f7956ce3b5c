package org.connectathon.engine.testscript;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.testscript.OperationTests.expression;
import static org.connectathon.engine.testscript.OperationTests.operation;
import static org.connectathon.engine.testscript.ScriptHarness.run;
import static org.connectathon.engine.testscript.ScriptHarness.script;
import static org.connectathon.engine.testscript.ScriptHarness.testOutcomes;

/**
 * Every kind of assert and every operator, each once passing and once failing, against a
 * read of the harness patient (family Chalmers, given Peter, gender male).
 */
class AssertTests {

	private static final String READ = operation("read", "\"params\":\"/${pid}\",\"responseId\":\"read\"");

	static Stream<Arguments> asserts() {
		return Stream.of(Arguments.of("contentType passes", "\"contentType\":\"json\"", Outcome.PASS),
				Arguments.of("contentType fails", "\"contentType\":\"xml\"", Outcome.FAIL),
				Arguments.of("contentType as media type passes", "\"contentType\":\"application/fhir+json\"",
						Outcome.PASS),
				Arguments.of("expression passes", "\"expression\":\"Patient.name.family\",\"value\":\"Chalmers\"",
						Outcome.PASS),
				Arguments.of("expression fails", "\"expression\":\"Patient.name.family\",\"value\":\"Smith\"",
						Outcome.FAIL),
				Arguments.of("boolean expression passes", "\"expression\":\"Patient.gender = 'male'\"", Outcome.PASS),
				Arguments.of("boolean expression fails", "\"expression\":\"Patient.gender = 'female'\"", Outcome.FAIL),
				Arguments.of("headerField passes", "\"headerField\":\"ETag\",\"operator\":\"notEmpty\"", Outcome.PASS),
				Arguments.of("headerField fails", "\"headerField\":\"X-Not-Sent\",\"operator\":\"notEmpty\"",
						Outcome.FAIL),
				Arguments.of("minimumId passes", "\"minimumId\":\"minimum\"", Outcome.PASS),
				Arguments.of("minimumId fails", "\"minimumId\":\"other\"", Outcome.FAIL),
				Arguments.of("navigationLinks fails on a non-Bundle", "\"navigationLinks\":true", Outcome.FAIL),
				Arguments.of("path passes",
						"\"path\":\"fhir:Patient/fhir:name/fhir:family/@value\",\"value\":\"Chalmers\"", Outcome.PASS),
				Arguments.of("path fails", "\"path\":\"fhir:Patient/fhir:name/fhir:family/@value\",\"value\":\"Smith\"",
						Outcome.FAIL),
				Arguments.of("JSONPath passes", "\"path\":\"$.name[0].family\",\"value\":\"Chalmers\"", Outcome.PASS),
				Arguments.of("JSONPath fails", "\"path\":\"$.name[0].family\",\"value\":\"Smith\"", Outcome.FAIL),
				Arguments.of("JSONPath over every match passes",
						"\"path\":\"$.name[*].given[*]\",\"operator\":\"contains\",\"value\":\"Pete\"", Outcome.PASS),
				Arguments.of("JSONPath that matches nothing fails",
						"\"path\":\"$.birthDate\",\"operator\":\"notEmpty\"", Outcome.FAIL),
				Arguments.of("compareToSourcePath with JSONPath passes",
						"\"path\":\"$.name[0].given[0]\",\"compareToSourceId\":\"patient\",\"compareToSourcePath\":\"$.name[0].given[0]\"",
						Outcome.PASS),
				Arguments.of("compareToSourcePath with JSONPath fails",
						"\"path\":\"$.name[0].family\",\"compareToSourceId\":\"patient\",\"compareToSourcePath\":\"$.name[0].given[0]\"",
						Outcome.FAIL),
				Arguments.of("requestMethod passes", "\"requestMethod\":\"get\"", Outcome.PASS),
				Arguments.of("requestMethod fails", "\"requestMethod\":\"post\"", Outcome.FAIL),
				Arguments.of("requestURL passes", "\"requestURL\":\"/Patient/\",\"operator\":\"contains\"",
						Outcome.PASS),
				Arguments.of("requestURL fails", "\"requestURL\":\"/Observation/\",\"operator\":\"contains\"",
						Outcome.FAIL),
				Arguments.of("resource passes", "\"resource\":\"Patient\"", Outcome.PASS),
				Arguments.of("resource fails", "\"resource\":\"Observation\"", Outcome.FAIL),
				Arguments.of("response passes", "\"response\":\"okay\"", Outcome.PASS),
				Arguments.of("response fails", "\"response\":\"notFound\"", Outcome.FAIL),
				Arguments.of("responseCode passes", "\"responseCode\":\"200\"", Outcome.PASS),
				Arguments.of("responseCode fails", "\"responseCode\":\"404\"", Outcome.FAIL),
				Arguments.of("validateProfileId passes", "\"validateProfileId\":\"patient-profile\"", Outcome.PASS),
				Arguments.of("validateProfileId fails", "\"validateProfileId\":\"observation-profile\"", Outcome.FAIL),
				Arguments.of("compareToSourceExpression passes",
						"\"expression\":\"Patient.name.family\",\"compareToSourceId\":\"patient\",\"compareToSourceExpression\":\"Patient.name.family\"",
						Outcome.PASS),
				Arguments.of("compareToSourceExpression fails",
						"\"expression\":\"Patient.name.family\",\"compareToSourceId\":\"other\",\"compareToSourceExpression\":\"Patient.name.family\"",
						Outcome.FAIL),
				Arguments.of("compareToSourcePath passes",
						"\"path\":\"fhir:Patient/fhir:name/fhir:given/@value\",\"compareToSourceId\":\"patient\",\"compareToSourcePath\":\"fhir:Patient/fhir:name/fhir:given/@value\"",
						Outcome.PASS),
				Arguments.of("compareToSourcePath fails",
						"\"path\":\"fhir:Patient/fhir:name/fhir:family/@value\",\"compareToSourceId\":\"patient\",\"compareToSourcePath\":\"fhir:Patient/fhir:name/fhir:given/@value\"",
						Outcome.FAIL),
				Arguments.of("sourceId passes",
						"\"sourceId\":\"read\",\"expression\":\"Patient.id\",\"value\":\"${pid}\"", Outcome.PASS),
				Arguments.of("sourceId fails",
						"\"sourceId\":\"other\",\"expression\":\"Patient.name.family\",\"value\":\"Chalmers\"",
						Outcome.FAIL),
				Arguments.of("direction request passes",
						"\"direction\":\"request\",\"headerField\":\"Accept\",\"operator\":\"empty\"", Outcome.PASS),
				Arguments.of("direction request fails",
						"\"direction\":\"request\",\"headerField\":\"Accept\",\"operator\":\"notEmpty\"", Outcome.FAIL),
				// operators
				Arguments.of("equals passes",
						"\"expression\":\"Patient.gender\",\"operator\":\"equals\",\"value\":\"male\"", Outcome.PASS),
				Arguments.of("equals fails",
						"\"expression\":\"Patient.gender\",\"operator\":\"equals\",\"value\":\"female\"", Outcome.FAIL),
				Arguments.of("notEquals passes",
						"\"expression\":\"Patient.gender\",\"operator\":\"notEquals\",\"value\":\"female\"",
						Outcome.PASS),
				Arguments.of("notEquals fails",
						"\"expression\":\"Patient.gender\",\"operator\":\"notEquals\",\"value\":\"male\"",
						Outcome.FAIL),
				Arguments.of("in passes",
						"\"expression\":\"Patient.gender\",\"operator\":\"in\",\"value\":\"female,male\"",
						Outcome.PASS),
				Arguments.of("in fails",
						"\"expression\":\"Patient.gender\",\"operator\":\"in\",\"value\":\"female,other\"",
						Outcome.FAIL),
				Arguments.of("notIn passes",
						"\"expression\":\"Patient.gender\",\"operator\":\"notIn\",\"value\":\"female,other\"",
						Outcome.PASS),
				Arguments.of("notIn fails",
						"\"expression\":\"Patient.gender\",\"operator\":\"notIn\",\"value\":\"female,male\"",
						Outcome.FAIL),
				Arguments.of("greaterThan passes",
						"\"expression\":\"Patient.name.given.count()\",\"operator\":\"greaterThan\",\"value\":\"0\"",
						Outcome.PASS),
				Arguments.of("greaterThan fails",
						"\"expression\":\"Patient.name.given.count()\",\"operator\":\"greaterThan\",\"value\":\"10\"",
						Outcome.FAIL),
				Arguments.of("lessThan passes",
						"\"expression\":\"Patient.name.given.count()\",\"operator\":\"lessThan\",\"value\":\"10\"",
						Outcome.PASS),
				Arguments.of("lessThan fails",
						"\"expression\":\"Patient.name.given.count()\",\"operator\":\"lessThan\",\"value\":\"1\"",
						Outcome.FAIL),
				Arguments.of("empty passes", "\"expression\":\"Patient.birthDate\",\"operator\":\"empty\"",
						Outcome.PASS),
				Arguments.of("empty fails", "\"expression\":\"Patient.gender\",\"operator\":\"empty\"", Outcome.FAIL),
				Arguments.of("notEmpty passes", "\"expression\":\"Patient.gender\",\"operator\":\"notEmpty\"",
						Outcome.PASS),
				Arguments.of("notEmpty fails", "\"expression\":\"Patient.birthDate\",\"operator\":\"notEmpty\"",
						Outcome.FAIL),
				Arguments.of("contains passes",
						"\"expression\":\"Patient.name.family\",\"operator\":\"contains\",\"value\":\"halm\"",
						Outcome.PASS),
				Arguments.of("contains fails",
						"\"expression\":\"Patient.name.family\",\"operator\":\"contains\",\"value\":\"mith\"",
						Outcome.FAIL),
				Arguments.of("notContains passes",
						"\"expression\":\"Patient.name.family\",\"operator\":\"notContains\",\"value\":\"mith\"",
						Outcome.PASS),
				Arguments.of("notContains fails",
						"\"expression\":\"Patient.name.family\",\"operator\":\"notContains\",\"value\":\"halm\"",
						Outcome.FAIL),
				Arguments.of("eval passes",
						"\"expression\":\"Patient.name.given.first() = 'Peter'\",\"operator\":\"eval\"", Outcome.PASS),
				Arguments.of("eval fails",
						"\"expression\":\"Patient.name.given.first() = 'Paul'\",\"operator\":\"eval\"", Outcome.FAIL));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("asserts")
	void shouldEvaluateEveryAssertAndOperator(String name, String assertion, Outcome expected) {
		ScriptResult result = run(script(READ + ",{\"assert\":{" + assertion + ",\"warningOnly\":false}}"));
		assertThat(testOutcomes(result)).as(result.actions().toString()).containsExactly(Outcome.PASS, expected);
	}

	@Test
	void shouldPassNavigationLinksOnASearchBundle() {
		ScriptResult result = run(script(operation("search", "\"params\":\"?identifier=${pid}\"")
				+ ",{\"assert\":{\"navigationLinks\":true,\"warningOnly\":false}}"));
		assertThat(testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.PASS);
	}

	@Test
	void shouldReportAFailedWarningOnlyAssertAsAWarningAndPassTheScript() {
		ScriptResult result = run(script(READ + ",{\"assert\":{\"response\":\"notFound\",\"warningOnly\":true}}"));
		assertThat(testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.WARNING);
		assertThat(result.outcome()).isEqualTo(Outcome.PASS);
	}

	@Test
	void shouldSayWhatWasExpectedWhatWasFoundAndWhichRequestWasSent() {
		ScriptResult result = run(script(READ + "," + expression("Patient.name.family", "equals", "Smith")));
		assertThat(result.actions().get(result.actions().size() - 1).message())
			.isEqualTo("expected Patient.name.family to equal 'Smith', found 'Chalmers' [request: GET "
					+ ScriptHarness.baseUrl() + "/Patient/"
					+ result.actions().get(2).message().replaceAll(".*/Patient/([^ ]+) .*", "$1") + " -> 200 ("
					+ result.actions().get(2).message().replaceAll(".*\\((\\d+) ms\\)$", "$1") + " ms)]");
	}

	@Test
	void shouldSayWhatWasFoundWhenAnAssertPasses() {
		ScriptResult result = run(script(READ + ",{\"assert\":{\"response\":\"okay\",\"warningOnly\":false}}"));
		assertThat(result.actions().get(result.actions().size() - 1).message())
			.isEqualTo("response status was '200', as expected (to equal '200 (okay)')");
	}

	@Test
	void shouldEvaluateJsonPathOnTheJsonFormOfAnXmlResponse() {
		ScriptResult result = run(script(operation("read", "\"params\":\"/${pid}\",\"accept\":\"xml\"")
				+ ",{\"assert\":{\"contentType\":\"xml\",\"warningOnly\":false}},"
				+ "{\"assert\":{\"path\":\"$.name[0].family\",\"value\":\"Chalmers\",\"warningOnly\":false}}"));
		assertThat(testOutcomes(result)).as(result.actions().toString())
			.containsExactly(Outcome.PASS, Outcome.PASS, Outcome.PASS);
		assertThat(result.actions().get(result.actions().size() - 1).message())
			.isEqualTo("$.name[0].family was 'Chalmers', as expected (to equal 'Chalmers')");
	}

	@Test
	void shouldReportAJsonPathThatDoesNotParseAsAnError() {
		ScriptResult result = run(
				script(READ + ",{\"assert\":{\"path\":\"$.name..\",\"value\":\"Chalmers\",\"warningOnly\":false}}"));
		assertThat(testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.ERROR);
		assertThat(result.actions().get(result.actions().size() - 1).message())
			.startsWith("CTN-3010: JSONPath '$.name..' is not valid: ");
	}

	@Test
	void shouldReportAnAssertThatCannotBeEvaluatedAsAnError() {
		ScriptResult result = run(script(
				READ + ",{\"assert\":{\"expression\":\"Patient.name.where(\",\"value\":\"x\",\"warningOnly\":false}},"
						+ "{\"assert\":{\"sourceId\":\"nothing\",\"resource\":\"Patient\",\"warningOnly\":false}},"
						+ "{\"assert\":{\"description\":\"checks nothing\",\"warningOnly\":false}}"));
		assertThat(testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.ERROR, Outcome.ERROR, Outcome.ERROR);
		List<String> messages = result.actions()
			.stream()
			.filter(a -> a.outcome() == Outcome.ERROR)
			.map(ActionResult::message)
			.toList();
		assertThat(messages.get(0)).startsWith("CTN-3013: FHIRPath expression 'Patient.name.where(' does not parse");
		assertThat(messages.get(1)).startsWith("CTN-3001: the script refers to fixture 'nothing'");
		assertThat(messages.get(2)).startsWith("CTN-3020: the assert names nothing to check");
		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
	}

}
