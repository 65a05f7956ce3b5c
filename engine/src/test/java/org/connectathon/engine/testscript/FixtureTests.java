package org.connectathon.engine.testscript;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A declared fixture is encoded once and sent by every run under the id of its URL; what
 * it sends must be what encoding the resource with that id gives.
 */
class FixtureTests {

	private static final String PATIENT = """
			{"resourceType":"Patient","id":"declared","meta":{"versionId":"3"},
			 "name":[{"family":"Chalmers","given":["Peter"]}],"gender":"male"}""";

	@ParameterizedTest
	@ValueSource(strings = { "123", "b-2.x", "needs\"escaping<&>", "" })
	void shouldEncodeWithEachRunsIdAsEncodingTheResourceWithThatIdDoes(String id) {
		Fixture fixture = new Fixture(PATIENT, false, Map.of(), FhirVersion.R4);
		String otherRun = fixture.encode(false, "another-run");

		for (boolean xml : new boolean[] { false, true }) {
			Fixture fresh = new Fixture(PATIENT, false, Map.of(), FhirVersion.R4);
			assertThat(fixture.encode(xml, id)).isEqualTo(Fixture.encode(FhirVersion.R4, fresh.resource(), xml, id));
		}
		assertThat(otherRun).contains("\"id\":\"another-run\"").doesNotContain("declared");
		assertThat(fixture.resource().getIdElement().getIdPart()).isEqualTo("declared");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void shouldEncodeWithoutChangingTheIdWhenNoneIsGiven(boolean xml) {
		Fixture fixture = new Fixture(PATIENT, false, Map.of(), FhirVersion.R4);
		Fixture fresh = new Fixture(PATIENT, false, Map.of(), FhirVersion.R4);

		assertThat(fixture.encode(xml, null)).isEqualTo(Fixture.encode(FhirVersion.R4, fresh.resource(), xml, null))
			.contains("declared");
	}

}
