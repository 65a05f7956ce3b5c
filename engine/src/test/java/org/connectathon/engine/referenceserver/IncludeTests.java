package org.connectathon.engine.referenceserver;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.referenceserver.ReferenceServerClient.ids;
import static org.connectathon.engine.referenceserver.ReferenceServerClient.matches;

/**
 * {@code _include} and {@code _revinclude} (FHIR R4 search 3.1.1.5.4): included resources
 * come after the matches with {@code search.mode = include}, once each; {@code :iterate}
 * follows references of included resources too.
 */
class IncludeTests {

	private static ReferenceServerClient server;

	@BeforeAll
	static void start() {
		server = ReferenceServerClient.startR4();
		server.put(DutchMedication.ORGANIZATION, DutchMedication.PATIENT, DutchMedication.OTHER_PATIENT,
				DutchMedication.MEDICATION, DutchMedication.REQUEST, DutchMedication.OTHER_REQUEST,
				DutchMedication.PROVENANCE);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void includesTheMedicationOfAChainedSearchAsIncludeEntries() {
		Bundle bundle = server.search("MedicationRequest?patient.identifier=http://fhir.nl/fhir/NamingSystem/bsn|123"
				+ "&_include=MedicationRequest:medication");
		assertThat(matches(bundle)).containsExactly("MedicationRequest/mr-1");
		assertThat(ids(bundle, SearchEntryMode.INCLUDE)).containsExactly("Medication/omeprazol");
		assertThat(bundle.getTotal()).isEqualTo(1);
	}

	@Test
	void includesEachTargetOnceAndNeverAMatchAgain() {
		Bundle bundle = server
			.search("MedicationRequest?_include=MedicationRequest:medication" + "&_include=MedicationRequest:subject");
		assertThat(matches(bundle)).containsExactly("MedicationRequest/mr-1", "MedicationRequest/mr-2");
		assertThat(ids(bundle, SearchEntryMode.INCLUDE)).containsExactlyInAnyOrder("Medication/omeprazol",
				"Patient/p-1", "Patient/p-2");
	}

	@Test
	void restrictsAnIncludeToTheTargetTypeNamed() {
		Bundle bundle = server.search("MedicationRequest?_id=mr-1&_include=MedicationRequest:subject:Group");
		assertThat(ids(bundle, SearchEntryMode.INCLUDE)).isEmpty();
		bundle = server.search("MedicationRequest?_id=mr-1&_include=MedicationRequest:subject:Patient");
		assertThat(ids(bundle, SearchEntryMode.INCLUDE)).containsExactly("Patient/p-1");
	}

	@Test
	void followsReferencesOfIncludedResourcesOnlyWithIterate() {
		String query = "MedicationRequest?_id=mr-1&_include=MedicationRequest:subject";
		assertThat(ids(server.search(query + "&_include=Patient:organization"), SearchEntryMode.INCLUDE))
			.containsExactly("Patient/p-1");
		assertThat(ids(server.search(query + "&_include:iterate=Patient:organization"), SearchEntryMode.INCLUDE))
			.containsExactly("Patient/p-1", "Organization/apotheek");
	}

	@Test
	void includesEveryReferenceWithAWildcard() {
		Bundle bundle = server.search("MedicationRequest?_id=mr-1&_include=*");
		assertThat(ids(bundle, SearchEntryMode.INCLUDE)).containsExactlyInAnyOrder("Medication/omeprazol",
				"Patient/p-1");
	}

	@Test
	void revincludesTheResourcesThatPointAtTheMatches() {
		Bundle bundle = server.search("MedicationRequest?_id=mr-1&_revinclude=Provenance:target");
		assertThat(matches(bundle)).containsExactly("MedicationRequest/mr-1");
		assertThat(ids(bundle, SearchEntryMode.INCLUDE)).containsExactly("Provenance/prov-1");
		bundle = server
			.search("Patient?_id=p-1&_revinclude=MedicationRequest:patient" + "&_revinclude:iterate=Provenance:target");
		assertThat(ids(bundle, SearchEntryMode.INCLUDE)).containsExactly("MedicationRequest/mr-1", "Provenance/prov-1");
	}

	@Test
	void reportsAnIncludeOfAnUnknownParameterInAnOutcomeEntry() {
		Bundle bundle = server.search("MedicationRequest?_id=mr-1&_include=MedicationRequest:nonsense");
		assertThat(matches(bundle)).containsExactly("MedicationRequest/mr-1");
		assertThat(bundle.getEntry()).last()
			.satisfies(entry -> assertThat(entry.getSearch().getMode()).isEqualTo(SearchEntryMode.OUTCOME))
			.satisfies(entry -> assertThat(
					((org.hl7.fhir.r4.model.OperationOutcome) entry.getResource()).getIssueFirstRep().getDiagnostics())
				.startsWith("CTN-5014: _include=MedicationRequest:nonsense does not name"));
	}

}
