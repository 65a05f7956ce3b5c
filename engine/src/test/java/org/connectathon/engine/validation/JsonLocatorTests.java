package org.connectathon.engine.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a validation issue's location lies in indented FHIR JSON. */
class JsonLocatorTests {

	private static final String PATIENT = """
			{
			  "resourceType" : "Patient",
			  "name" : [ {
			    "family" : "Chalmers"
			  }, {
			    "family" : "Windsor",
			    "given" : [ "Peter", "James" ]
			  } ],
			  "birthDate" : "1974-12-25"
			}""";

	@Test
	void shouldFindTheLineOfAnElementByItsNamesAndIndexes() {
		assertThat(JsonLocator.lineOf(PATIENT, "Patient")).hasValue(1);
		assertThat(JsonLocator.lineOf(PATIENT, "Patient.name[1]")).hasValue(5);
		assertThat(JsonLocator.lineOf(PATIENT, "Patient.name[1].family")).hasValue(6);
		assertThat(JsonLocator.lineOf(PATIENT, "Patient.birthDate")).hasValue(9);
	}

	@Test
	void shouldStopAtTheLastElementFoundWhenTheLocationGoesOnPastWhatItFinds() {
		assertThat(JsonLocator.lineOf(PATIENT, "Patient.name[1].given[0].where(value = 'x')")).hasValue(7);
		assertThat(JsonLocator.lineOf(PATIENT, "Patient.name[1].suffix[0]")).hasValue(5);
		assertThat(JsonLocator.lineOf(PATIENT, "Patient/*Patient/1*/.name[0].family")).hasValue(4);
	}

	@Test
	void shouldFindNothingInTextThatIsNotAJsonObject() {
		assertThat(JsonLocator.lineOf("<Patient/>", "Patient.name")).isEmpty();
		assertThat(JsonLocator.lineOf("[ 1 ]", "Patient.name")).isEmpty();
	}

}
