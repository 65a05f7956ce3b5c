package org.connectathon.engine.referenceserver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.referenceserver.ReferenceServerClient.matches;

/**
 * String, date, number, quantity, uri and composite parameters (FHIR R4 search 3.1.1.4).
 */
class SearchValueTests {

	private static ReferenceServerClient server;

	@BeforeAll
	static void start() {
		server = ReferenceServerClient.startR4();
		server.put(DutchMedication.PATIENT, DutchMedication.OTHER_PATIENT, DutchMedication.REQUEST,
				DutchMedication.OTHER_REQUEST,
				"""
						{"resourceType":"Observation","id":"bp","status":"final",
						 "code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},
						 "valueQuantity":{"value":120,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"},
						 "effectivePeriod":{"start":"2024-01-10T08:00:00Z","end":"2024-01-12T08:00:00Z"}}""",
				"""
						{"resourceType":"Observation","id":"weight","status":"final",
						 "code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},
						 "valueQuantity":{"value":72.5,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"},
						 "effectiveDateTime":"2024-02"}""",
				"""
						{"resourceType":"RiskAssessment","id":"risk","status":"final","subject":{"reference":"Patient/p-1"},
						 "prediction":[{"probabilityDecimal":0.25}]}""",
				"""
						{"resourceType":"ValueSet","id":"vs","status":"active","url":"http://fhir.nl/fhir/ValueSet/medication-use"}""");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void matchesTheStartOfAStringIgnoringCaseAndAccents() {
		assertThat(matches(server.search("Patient?name=jans"))).containsExactly("Patient/p-1");
		assertThat(matches(server.search("Patient?given=angstrom"))).containsExactly("Patient/p-2");
		assertThat(matches(server.search("Patient?name=ansen"))).isEmpty();
	}

	@Test
	void matchesWholeStringsWithExactAndPartsWithContains() {
		assertThat(matches(server.search("Patient?family:exact=Jansen"))).containsExactly("Patient/p-1");
		assertThat(matches(server.search("Patient?family:exact=jansen"))).isEmpty();
		assertThat(matches(server.search("Patient?family:contains=vri"))).containsExactly("Patient/p-2");
	}

	@Test
	void comparesDatesAsTheRangesTheirPrecisionCovers() {
		assertThat(matches(server.search("Patient?birthdate=1951"))).containsExactly("Patient/p-1");
		assertThat(matches(server.search("Patient?birthdate=1951-04"))).containsExactly("Patient/p-1");
		assertThat(matches(server.search("Patient?birthdate=1951-04-13"))).isEmpty();
		assertThat(matches(server.search("Patient?birthdate=gt1960"))).containsExactly("Patient/p-2");
		assertThat(matches(server.search("Patient?birthdate=le1951-04-12"))).containsExactly("Patient/p-1");
		assertThat(matches(server.search("Patient?birthdate=ne1951-04-12"))).containsExactly("Patient/p-2");
		assertThat(matches(server.search("Patient?birthdate=ge1951&birthdate=lt1952"))).containsExactly("Patient/p-1");
	}

	@Test
	void comparesPeriodsAndMonthsWithTheRangePrefixes() {
		// the period 10 to 12 January is not contained in the 11th, but overlaps it
		assertThat(matches(server.search("Observation?date=2024-01-11"))).isEmpty();
		assertThat(matches(server.search("Observation?date=ap2024-01-11"))).contains("Observation/bp");
		assertThat(matches(server.search("Observation?date=sa2024-01-09"))).containsExactly("Observation/bp",
				"Observation/weight");
		assertThat(matches(server.search("Observation?date=eb2024-02-01"))).containsExactly("Observation/bp");
		assertThat(matches(server.search("Observation?date=2024-02"))).containsExactly("Observation/weight");
		assertThat(matches(server.search("MedicationRequest?authoredon=2024-03-15T09:30:00Z")))
			.containsExactly("MedicationRequest/mr-1");
	}

	@Test
	void searchesWhenResourcesWereLastWritten() {
		assertThat(matches(server.search("Patient?_lastUpdated=gt2020-01-01"))).containsExactly("Patient/p-1",
				"Patient/p-2");
		assertThat(matches(server.search("Patient?_lastUpdated=lt2020-01-01"))).isEmpty();
	}

	@Test
	void comparesNumbersWithinTheirImplicitPrecision() {
		assertThat(matches(server.search("RiskAssessment?probability=0.25"))).containsExactly("RiskAssessment/risk");
		assertThat(matches(server.search("RiskAssessment?probability=0.3"))).containsExactly("RiskAssessment/risk");
		assertThat(matches(server.search("RiskAssessment?probability=0.30"))).isEmpty();
		assertThat(matches(server.search("RiskAssessment?probability=gt0.2"))).containsExactly("RiskAssessment/risk");
		assertThat(matches(server.search("RiskAssessment?probability=lt0.2"))).isEmpty();
	}

	@Test
	void comparesQuantitiesWithTheirSystemAndCode() {
		assertThat(matches(server.search("Observation?value-quantity=120|http://unitsofmeasure.org|mm[Hg]")))
			.containsExactly("Observation/bp");
		assertThat(matches(server.search("Observation?value-quantity=gt70||kg"))).containsExactly("Observation/weight");
		assertThat(matches(server.search("Observation?value-quantity=gt70"))).containsExactly("Observation/bp",
				"Observation/weight");
		assertThat(matches(server.search("Observation?value-quantity=120|http://unitsofmeasure.org|kg"))).isEmpty();
	}

	@Test
	void matchesUrisExactlyOrBelowAPath() {
		assertThat(matches(server.search("ValueSet?url=http://fhir.nl/fhir/ValueSet/medication-use")))
			.containsExactly("ValueSet/vs");
		assertThat(matches(server.search("ValueSet?url=http://fhir.nl/fhir/ValueSet"))).isEmpty();
		assertThat(matches(server.search("ValueSet?url:below=http://fhir.nl/fhir/"))).containsExactly("ValueSet/vs");
	}

	@Test
	void matchesCompositesPartByPartOnTheSameElement() {
		assertThat(matches(server.search("Observation?code-value-quantity=http://loinc.org|8480-6$gt100")))
			.containsExactly("Observation/bp");
		assertThat(matches(server.search("Observation?code-value-quantity=http://loinc.org|29463-7$gt100"))).isEmpty();
	}

	@Test
	void refusesMalformedValues() {
		assertThat(server.send("GET", "/Patient?birthdate=yesterday", null))
			.satisfies(response -> assertThat(response.statusCode()).isEqualTo(400))
			.satisfies(response -> assertThat(response.body())
				.contains("CTN-5012: 'yesterday' is not a valid date search value"));
	}

}
