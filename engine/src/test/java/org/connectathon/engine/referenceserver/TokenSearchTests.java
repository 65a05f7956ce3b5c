package org.connectathon.engine.referenceserver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.referenceserver.ReferenceServerClient.matches;

/**
 * Token search (FHIR R4 search 3.1.1.4.6): {@code [system]|[code]} needs both,
 * {@code |[code]} a code without system, {@code [system]|} any code of the system,
 * {@code [code]} the code in any system; and the {@code :not}, {@code :text},
 * {@code :of-type} and {@code :missing} modifiers.
 */
class TokenSearchTests {

	private static ReferenceServerClient server;

	@BeforeAll
	static void start() {
		server = ReferenceServerClient.startR4();
		server.put(DutchMedication.PATIENT, DutchMedication.OTHER_PATIENT, DutchMedication.REQUEST,
				DutchMedication.OTHER_REQUEST, """
						{"resourceType":"MedicationRequest","id":"mr-nocode","status":"active","intent":"order",
						 "category":[{"coding":[{"code":"16076005"}]}],"subject":{"reference":"Patient/p-1"}}""");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void matchesSystemAndCodeTogether() {
		assertThat(matches(server.search("MedicationRequest?category=http://snomed.info/sct|16076005")))
			.containsExactly("MedicationRequest/mr-1");
	}

	@Test
	void matchesACodeInAnySystemWithoutABar() {
		assertThat(matches(server.search("MedicationRequest?category=16076005")))
			.containsExactly("MedicationRequest/mr-1", "MedicationRequest/mr-2", "MedicationRequest/mr-nocode");
	}

	@Test
	void matchesOnlyCodesWithoutSystemAfterALeadingBar() {
		assertThat(matches(server.search("MedicationRequest?category=|16076005")))
			.containsExactly("MedicationRequest/mr-nocode");
	}

	@Test
	void matchesAnyCodeOfASystemBeforeATrailingBar() {
		assertThat(matches(server.search("MedicationRequest?category=http://snomed.info/sct|")))
			.containsExactly("MedicationRequest/mr-1");
	}

	@Test
	void matchesIdentifiersBySystemAndValue() {
		assertThat(matches(server.search("Patient?identifier=" + DutchMedication.BSN + "|456")))
			.containsExactly("Patient/p-2");
		assertThat(matches(
				server.search("Patient?identifier=" + DutchMedication.BSN + "|123," + DutchMedication.BSN + "|456")))
			.containsExactly("Patient/p-1", "Patient/p-2");
		assertThat(matches(server.search("Patient?identifier=urn:other|456"))).isEmpty();
	}

	@Test
	void excludesTheCodeWithNotIncludingResourcesWithoutAny() {
		assertThat(matches(server.search("MedicationRequest?status:not=active")))
			.containsExactly("MedicationRequest/mr-2");
		assertThat(matches(server.search("MedicationRequest?code:not=12345"))).containsExactly("MedicationRequest/mr-1",
				"MedicationRequest/mr-nocode");
	}

	@Test
	void searchesDisplayAndTextWithTheTextModifier() {
		assertThat(matches(server.search("MedicationRequest?code:text=paracetamol")))
			.containsExactly("MedicationRequest/mr-2");
		assertThat(matches(server.search("MedicationRequest?category:text=prescr")))
			.containsExactly("MedicationRequest/mr-1");
	}

	@Test
	void searchesIdentifiersByTheirTypeWithOfType() {
		assertThat(matches(
				server.search("Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|NNNLD|123")))
			.containsExactly("Patient/p-1");
		assertThat(matches(
				server.search("Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|NNNLD|456")))
			.isEmpty();
	}

	@Test
	void findsResourcesWithAndWithoutAValueWithMissing() {
		assertThat(matches(server.search("MedicationRequest?code:missing=true")))
			.containsExactly("MedicationRequest/mr-1", "MedicationRequest/mr-nocode");
		assertThat(matches(server.search("MedicationRequest?code:missing=false")))
			.containsExactly("MedicationRequest/mr-2");
	}

	@Test
	void searchesBooleansAndCodesAsTokens() {
		assertThat(matches(server.search("Patient?gender=female"))).containsExactly("Patient/p-2");
		assertThat(matches(server.search("Patient?_id=p-1,p-2&gender=male"))).containsExactly("Patient/p-1");
	}

	@Test
	void refusesAModifierTokensDoNotSupport() {
		assertThat(server.send("GET", "/MedicationRequest?category:in=http://example.org/vs", null))
			.satisfies(response -> assertThat(response.statusCode()).isEqualTo(400))
			.satisfies(response -> assertThat(response.body())
				.contains("CTN-5011: the modifier :in is not supported on token parameters"));
	}

}
