package org.connectathon.engine.referenceserver;

/**
 * A small medication dataset in the style of the Dutch national profiles (nl-core): two
 * patients identified by their BSN, a pharmacy, a medication coded in the G-Standaard and
 * requests for it, with a Provenance.
 */
final class DutchMedication {

	static final String BSN = "http://fhir.nl/fhir/NamingSystem/bsn";

	static final String ORGANIZATION = """
			{"resourceType":"Organization","id":"apotheek","name":"Apotheek De Gaper",
			 "identifier":[{"system":"http://fhir.nl/fhir/NamingSystem/agb-z","value":"01234567"}]}""";

	static final String PATIENT = """
			{"resourceType":"Patient","id":"p-1","identifier":[{"system":"http://fhir.nl/fhir/NamingSystem/bsn","value":"123",
			  "type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"NNNLD"}]}}],
			 "name":[{"family":"Jansen","given":["Hendrik"]}],"gender":"male","birthDate":"1951-04-12",
			 "managingOrganization":{"reference":"Organization/apotheek"}}""";

	static final String OTHER_PATIENT = """
			{"resourceType":"Patient","id":"p-2","identifier":[{"system":"http://fhir.nl/fhir/NamingSystem/bsn","value":"456"}],
			 "name":[{"family":"de Vries","given":["Ångström"]}],"gender":"female","birthDate":"1980-11-02"}""";

	static final String MEDICATION = """
			{"resourceType":"Medication","id":"omeprazol","code":{"coding":[
			 {"system":"urn:oid:2.16.840.1.113883.2.4.4.1","code":"67903","display":"OMEPRAZOL 20MG CAPSULE MSR"}]}}""";

	static final String REQUEST = """
			{"resourceType":"MedicationRequest","id":"mr-1","status":"active","intent":"order",
			 "category":[{"coding":[{"system":"http://snomed.info/sct","code":"16076005","display":"Prescription"}]}],
			 "medicationReference":{"reference":"Medication/omeprazol"},"subject":{"reference":"Patient/p-1"},
			 "authoredOn":"2024-03-15T10:30:00+01:00"}""";

	static final String OTHER_REQUEST = """
			{"resourceType":"MedicationRequest","id":"mr-2","status":"stopped","intent":"order",
			 "category":[{"coding":[{"system":"urn:oid:2.16.840.1.113883.2.4.3.11.60.20.77.5.3","code":"16076005"}]}],
			 "medicationCodeableConcept":{"coding":[{"system":"urn:oid:2.16.840.1.113883.2.4.4.1","code":"12345"}],"text":"paracetamol 500 mg"},
			 "subject":{"reference":"Patient/p-2"},"authoredOn":"2023-12-01"}""";

	static final String PROVENANCE = """
			{"resourceType":"Provenance","id":"prov-1","target":[{"reference":"MedicationRequest/mr-1"}],
			 "recorded":"2024-03-15T10:31:00+01:00","agent":[{"who":{"reference":"Organization/apotheek"}}]}""";

	private DutchMedication() {
	}

}
