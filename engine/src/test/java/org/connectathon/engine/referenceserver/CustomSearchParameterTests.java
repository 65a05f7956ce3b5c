package org.connectathon.engine.referenceserver;

import java.net.http.HttpResponse;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.referenceserver.ReferenceServerClient.matches;

/**
 * Custom {@code SearchParameter} resources: usable as soon as they are stored, on the
 * resources already there too, listed in the CapabilityStatement, and gone when deleted.
 */
class CustomSearchParameterTests {

	private static final String NICKNAME = """
			{"resourceType":"SearchParameter","id":"patient-nickname","url":"http://example.org/SearchParameter/patient-nickname",
			 "name":"nickname","status":"active","code":"nickname","base":["Patient"],"type":"string",
			 "description":"A name the patient is called by",
			 "expression":"Patient.name.where(use = 'nickname').given"}""";

	private static ReferenceServerClient server;

	@BeforeAll
	static void start() {
		server = ReferenceServerClient.startR4();
		server.put("""
				{"resourceType":"Patient","id":"nick","name":[{"use":"official","family":"Jansen","given":["Hendrik"]},
				 {"use":"nickname","given":["Henk"]}]}""");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void usesAPostedSearchParameterOnResourcesStoredBefore() {
		String callName = NICKNAME.replace("patient-nickname", "patient-callname")
			.replace("\"nickname\"", "\"callname\"");
		assertThat(outcome(server.search("Patient?callname=henk")))
			.isEqualTo("CTN-5010: the parameter callname is not known for Patient and was ignored");
		server.put(callName);
		assertThat(matches(server.search("Patient?callname=henk"))).containsExactly("Patient/nick");
		assertThat(matches(server.search("Patient?callname=hendrik"))).isEmpty();
		server.put("""
				{"resourceType":"Patient","id":"nick-2","name":[{"use":"nickname","given":["Henkie"]}]}""");
		assertThat(matches(server.search("Patient?callname=henk"))).containsExactly("Patient/nick", "Patient/nick-2");
	}

	@Test
	void listsCoreAndCustomParametersInTheCapabilityStatement() {
		server.put(NICKNAME);
		String metadata = server.send("GET", "/metadata", null).body();
		assertThat(metadata).contains(
				"{\"name\":\"nickname\",\"definition\":\"http://example.org/SearchParameter/patient-nickname\",\"type\":\"string\"");
		assertThat(metadata).contains(
				"{\"name\":\"patient\",\"definition\":\"http://hl7.org/fhir/SearchParameter/Observation-patient\",\"type\":\"reference\"");
	}

	@Test
	void forgetsADeletedSearchParameter() {
		server.put(NICKNAME.replace("patient-nickname", "patient-alias").replace("\"nickname\"", "\"alias\""));
		assertThat(matches(server.search("Patient?alias=henk"))).containsExactly("Patient/nick");
		server.send("DELETE", "/SearchParameter/patient-alias", null);
		assertThat(outcome(server.search("Patient?alias=henk")))
			.isEqualTo("CTN-5010: the parameter alias is not known for Patient and was ignored");
	}

	private static String outcome(Bundle bundle) {
		return bundle.getEntry()
			.stream()
			.filter(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.OUTCOME)
			.map(entry -> ((OperationOutcome) entry.getResource()).getIssueFirstRep().getDiagnostics())
			.findFirst()
			.orElse(null);
	}

	@Test
	void refusesASearchParameterItCannotIndex() {
		HttpResponse<String> response = server.send("POST", "/SearchParameter", """
				{"resourceType":"SearchParameter","status":"active","code":"broken","base":["Patient"],"type":"string",
				 "expression":"Patient.name.where("}""");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("CTN-5017: the FHIRPath expression 'Patient.name.where(' does not parse");
		response = server.send("POST", "/SearchParameter", """
				{"resourceType":"SearchParameter","status":"active","code":"broken","type":"string"}""");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains(
				"CTN-5017: expected a SearchParameter with code, base, type and expression, but it has no base, expression");
	}

}
