package org.connectathon.engine.testscript;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceValuesTests {

	private static final Fixture OBSERVATION = new Fixture("""
			{"resourceType":"Observation","status":"final","code":{"text":"weight"},
			 "valueQuantity":{"value":72.50,"unit":"kg"},"component":[
			  {"code":{"text":"a"},"valueBoolean":true},{"code":{"text":"b"},"valueInteger":3}]}""", false, Map.of(),
			FhirVersion.R4);

	@Test
	void shouldGiveJsonPathValuesAsWrittenAndObjectsAsJson() {
		assertThat(SourceValues.path(OBSERVATION, "$.valueQuantity.value")).containsExactly("72.50");
		assertThat(SourceValues.path(OBSERVATION, "$.component[0].valueBoolean")).containsExactly("true");
		assertThat(SourceValues.path(OBSERVATION, "$.component[*].code.text")).containsExactly("a", "b");
		assertThat(SourceValues.path(OBSERVATION, "$.code")).containsExactly("{\"text\":\"weight\"}");
		assertThat(SourceValues.path(OBSERVATION, "$.component[?(@.valueInteger > 2)].code.text")).containsExactly("b");
		assertThat(SourceValues.path(OBSERVATION, "$.subject.reference")).isEmpty();
	}

	@Test
	void shouldEvaluateJsonPathOnTheJsonFormOfAnXmlResource() {
		Fixture xml = new Fixture("""
				<Patient xmlns="http://hl7.org/fhir"><name><family value="Chalmers"/></name></Patient>""", true,
				Map.of(), FhirVersion.R4);
		assertThat(SourceValues.path(xml, "$.name[0].family")).containsExactly("Chalmers");
		assertThat(SourceValues.path(xml, "Patient/name/family")).containsExactly("Chalmers");
	}

	@Test
	void shouldRefuseAJsonPathThatDoesNotParseOrABodyThatIsNotJson() {
		assertThatThrownBy(() -> SourceValues.path(OBSERVATION, "$.component[?(@.value"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("CTN-3010: JSONPath '$.component[?(@.value' is not valid: ");
		Fixture text = new Fixture("{not json", false, Map.of(), FhirVersion.R4);
		assertThatThrownBy(() -> SourceValues.path(text, "$.status")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("CTN-3014: JSONPath '$.status' needs a JSON body, but the body is not JSON: ");
	}

}
