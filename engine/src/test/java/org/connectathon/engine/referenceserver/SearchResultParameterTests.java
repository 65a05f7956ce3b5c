package org.connectathon.engine.referenceserver;

import java.net.http.HttpResponse;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.referenceserver.ReferenceServerClient.matches;

/**
 * The result parameters ({@code _sort}, {@code _count} with paging links, {@code _total},
 * {@code _summary}, {@code _elements}), searching with POST, and how parameters the
 * server cannot use are reported (FHIR R4 search 3.1.1.5, 3.1.1.3).
 */
class SearchResultParameterTests {

	private static ReferenceServerClient server;

	@BeforeAll
	static void start() {
		server = ReferenceServerClient.startR4();
		for (int i = 1; i <= 5; i++) {
			server
				.put("""
						{"resourceType":"Patient","id":"page-%d","text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">%d</div>"},
						 "name":[{"family":"Pager","given":["%s"]}],"birthDate":"19%d0-01-01","gender":"%s"}"""
					.formatted(i, i, "ABCDE".charAt(5 - i), 4 + i, i % 2 == 0 ? "female" : "male"));
		}
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void sortsByOneOrMoreParametersAscendingOrDescending() {
		assertThat(matches(server.search("Patient?family=pager&_sort=given"))).containsExactly("Patient/page-5",
				"Patient/page-4", "Patient/page-3", "Patient/page-2", "Patient/page-1");
		assertThat(matches(server.search("Patient?family=pager&_sort=-birthdate"))).containsExactly("Patient/page-5",
				"Patient/page-4", "Patient/page-3", "Patient/page-2", "Patient/page-1");
		assertThat(matches(server.search("Patient?family=pager&_sort=gender,-_id"))).containsExactly("Patient/page-4",
				"Patient/page-2", "Patient/page-5", "Patient/page-3", "Patient/page-1");
	}

	@Test
	void pagesWithCountAndNextAndPreviousLinks() {
		Bundle first = server.search("Patient?family=pager&_count=2");
		assertThat(matches(first)).containsExactly("Patient/page-1", "Patient/page-2");
		assertThat(first.getTotal()).isEqualTo(5);
		assertThat(first.getLink("previous")).isNull();
		String next = first.getLink("next").getUrl();
		assertThat(next).startsWith(server.baseUrl() + "/Patient?").contains("_count=2").contains("_offset=2");
		Bundle second = server.search(next.substring(server.baseUrl().length() + 1));
		assertThat(matches(second)).containsExactly("Patient/page-3", "Patient/page-4");
		assertThat(second.getLink("previous").getUrl()).doesNotContain("_offset");
		Bundle last = server.search(second.getLink("next").getUrl().substring(server.baseUrl().length() + 1));
		assertThat(matches(last)).containsExactly("Patient/page-5");
		assertThat(last.getLink("next")).isNull();
	}

	@Test
	void leavesTheTotalOutOnlyWhenAskedTo() {
		assertThat(server.search("Patient?family=pager&_total=none").hasTotal()).isFalse();
		assertThat(server.search("Patient?family=pager&_total=accurate").getTotal()).isEqualTo(5);
		assertThat(server.send("GET", "/Patient?_total=some", null).statusCode()).isEqualTo(400);
	}

	@Test
	void countsWithoutEntriesForSummaryCount() {
		Bundle bundle = server.search("Patient?family=pager&_summary=count");
		assertThat(bundle.getTotal()).isEqualTo(5);
		assertThat(bundle.getEntry()).isEmpty();
	}

	@Test
	void leavesOutWhatASummaryOrElementsDoNotAskFor() {
		Patient summary = (Patient) server.search("Patient?_id=page-1&_summary=true").getEntryFirstRep().getResource();
		assertThat(summary.hasName()).isTrue();
		assertThat(summary.hasText()).isFalse();
		Patient data = (Patient) server.search("Patient?_id=page-1&_summary=data").getEntryFirstRep().getResource();
		assertThat(data.hasText()).isFalse();
		assertThat(data.hasGender()).isTrue();
		Patient elements = (Patient) server.search("Patient?_id=page-1&_elements=gender")
			.getEntryFirstRep()
			.getResource();
		assertThat(elements.hasGender()).isTrue();
		assertThat(elements.hasName()).isFalse();
		assertThat(elements.hasBirthDate()).isFalse();
	}

	@Test
	void searchesWithPostAndAFormBody() throws Exception {
		HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/Patient/_search"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "application/fhir+json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("family=pager&gender=female"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, response.body());
		assertThat(matches(bundle)).containsExactly("Patient/page-2", "Patient/page-4");
	}

	@Test
	void reportsAnUnknownParameterInAnOutcomeEntryAndIgnoresIt() {
		Bundle bundle = server.search("Patient?family=pager&shoe-size=42");
		assertThat(matches(bundle)).hasSize(5);
		Bundle.BundleEntryComponent outcome = bundle.getEntry().get(bundle.getEntry().size() - 1);
		assertThat(outcome.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.OUTCOME);
		assertThat(((OperationOutcome) outcome.getResource()).getIssueFirstRep().getDiagnostics())
			.isEqualTo("CTN-5010: the parameter shoe-size is not known for Patient and was ignored");
	}

	@Test
	void refusesAnUnknownParameterUnderStrictHandling() {
		HttpResponse<String> response = server.send("GET", "/Patient?family=pager&shoe-size=42", null, "Prefer",
				"handling=strict");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("OperationOutcome")
			.contains("CTN-5010: the parameter shoe-size is not known for Patient");
		assertThat(server.send("GET", "/Patient?family=pager", null, "Prefer", "handling=strict").statusCode())
			.isEqualTo(200);
	}

	@Test
	void searchesAcrossTypesAtTheSystemLevel() {
		Bundle bundle = server.search("?_type=Patient&_id=page-3");
		assertThat(matches(bundle)).containsExactly("Patient/page-3");
		assertThat(server.send("GET", "/?_type=Patient,Pet", null))
			.satisfies(response -> assertThat(response.statusCode()).isEqualTo(400))
			.satisfies(response -> assertThat(response.body())
				.contains("CTN-5019: _type names Pet, which is not a resource type of FHIR R4"));
	}

}
