package org.connectathon.engine.referenceserver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.referenceserver.ReferenceServerClient.matches;

/**
 * Reference search, chains and reverse chains (FHIR R4 search 3.1.1.4.9, 3.1.1.4.10,
 * 3.1.1.4.11).
 */
class ChainedSearchTests {

	private static ReferenceServerClient server;

	@BeforeAll
	static void start() {
		server = ReferenceServerClient.startR4();
		server.put(DutchMedication.ORGANIZATION, DutchMedication.PATIENT, DutchMedication.OTHER_PATIENT,
				DutchMedication.MEDICATION, DutchMedication.REQUEST, DutchMedication.OTHER_REQUEST,
				DutchMedication.PROVENANCE, """
						{"resourceType":"Observation","id":"obs-1","status":"final",
						 "code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},
						 "subject":{"reference":"Patient/p-1"}}""", """
						{"resourceType":"Observation","id":"obs-group","status":"final",
						 "code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},
						 "subject":{"reference":"Group/p-1"}}""", """
						{"resourceType":"Observation","id":"obs-absolute","status":"final",
						 "code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},
						 "subject":{"reference":"http://elders.example.org/fhir/Patient/p-9"}}""");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void matchesAReferenceByTypeAndIdOrByIdAlone() {
		assertThat(matches(server.search("Observation?subject=Patient/p-1"))).containsExactly("Observation/obs-1");
		assertThat(matches(server.search("Observation?subject=p-1"))).containsExactly("Observation/obs-1",
				"Observation/obs-group");
		assertThat(matches(server.search("Observation?subject:Group=p-1"))).containsExactly("Observation/obs-group");
		assertThat(matches(server.search("Observation?patient=p-1"))).containsExactly("Observation/obs-1");
	}

	@Test
	void matchesAnAbsoluteReferenceByItsUrl() {
		assertThat(matches(server.search("Observation?subject=http://elders.example.org/fhir/Patient/p-9")))
			.containsExactly("Observation/obs-absolute");
	}

	@Test
	void chainsIntoTheTargetsParameters() {
		assertThat(matches(server.search("MedicationRequest?patient.identifier=" + DutchMedication.BSN + "|123")))
			.containsExactly("MedicationRequest/mr-1");
		assertThat(matches(server.search("MedicationRequest?subject:Patient.name=de vries")))
			.containsExactly("MedicationRequest/mr-2");
		assertThat(matches(server.search("MedicationRequest?patient.identifier=" + DutchMedication.BSN + "|999")))
			.isEmpty();
	}

	@Test
	void chainsOverSeveralLevels() {
		assertThat(matches(server.search("MedicationRequest?patient.organization.name=apotheek")))
			.containsExactly("MedicationRequest/mr-1");
		assertThat(matches(server
			.search("Provenance?target:MedicationRequest.patient.identifier=" + DutchMedication.BSN + "|123")))
			.containsExactly("Provenance/prov-1");
	}

	@Test
	void reverseChainsFindTheResourcesOthersPointAt() {
		assertThat(matches(server.search("Patient?_has:Observation:patient:code=8480-6")))
			.containsExactly("Patient/p-1");
		assertThat(matches(server.search("Patient?_has:MedicationRequest:patient:status=stopped")))
			.containsExactly("Patient/p-2");
		assertThat(matches(server
			.search("Patient?_has:MedicationRequest:patient:_has:Provenance:target:agent=Organization/apotheek")))
			.containsExactly("Patient/p-1");
	}

	@Test
	void searchesLogicalIdentifiersWithTheIdentifierModifier() {
		server.put("""
				{"resourceType":"Observation","id":"obs-identified","status":"final","code":{"text":"x"},
				 "subject":{"identifier":{"system":"http://fhir.nl/fhir/NamingSystem/bsn","value":"777"}}}""");
		assertThat(matches(server.search("Observation?subject:identifier=" + DutchMedication.BSN + "|777")))
			.containsExactly("Observation/obs-identified");
	}

	@Test
	void refusesAChainThroughAParameterThatIsNoReference() {
		assertThat(server.send("GET", "/MedicationRequest?status.name=x", null))
			.satisfies(response -> assertThat(response.statusCode()).isEqualTo(400))
			.satisfies(response -> assertThat(response.body()).contains(
					"CTN-5013: the chain status.name starts with status, which is a token parameter of MedicationRequest, not a reference"));
	}

}
