package org.connectathon.engine.referenceserver;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.instance.model.api.IBaseBundle;

/**
 * An International Patient Summary as the reference server answers
 * {@code Patient/[id]/$summary}: a document Bundle whose Composition (LOINC 60591-5) has
 * the IPS sections, each listing the patient's resources of its types; the three sections
 * that IPS requires (allergies, medications, problems) say "unavailable" when empty. It
 * has the shape of an IPS, enough for TestScripts to check; it does not claim conformance
 * to the IPS profiles.
 */
final class PatientSummary {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String LOINC = "http://loinc.org";

	private static final List<Section> SECTIONS = List.of(
			new Section("48765-2", "Allergies and intolerances", true, List.of("AllergyIntolerance")),
			new Section("10160-0", "Medication summary", true,
					List.of("MedicationStatement", "MedicationRequest", "MedicationAdministration")),
			new Section("11450-4", "Problem list", true, List.of("Condition")),
			new Section("11369-6", "History of immunizations", false, List.of("Immunization")),
			new Section("47519-4", "History of procedures", false, List.of("Procedure")),
			new Section("30954-2", "Diagnostic results", false, List.of("Observation", "DiagnosticReport")));

	private PatientSummary() {
	}

	/**
	 * @param fhirContext the server's FHIR release
	 * @param baseUrl the server's base URL, for the entries' full URLs
	 * @param patientId the patient's id
	 * @param patientJson the patient as JSON
	 * @param related the current resources that refer to the patient, as JSON, by type
	 */
	static IBaseBundle build(FhirContext fhirContext, String baseUrl, String patientId, String patientJson,
			Map<String, List<String>> related) {
		String now = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		String compositionUrl = "urn:uuid:" + UUID.randomUUID();
		ObjectNode bundle = JSON.createObjectNode();
		bundle.put("resourceType", "Bundle");
		bundle.putObject("identifier").put("system", "urn:ietf:rfc:3986").put("value", "urn:uuid:" + UUID.randomUUID());
		bundle.put("type", "document");
		bundle.put("timestamp", now);
		ArrayNode entries = bundle.putArray("entry");
		ObjectNode composition = entries.addObject().put("fullUrl", compositionUrl).putObject("resource");
		List<ObjectNode> included = new ArrayList<>();
		included.add(entry(baseUrl, "Patient", patientId, patientJson));
		composition.put("resourceType", "Composition");
		composition.set("text", narrative("Patient summary of Patient/" + patientId));
		composition.put("status", "final");
		composition.set("type", loinc("60591-5", "Patient summary Document"));
		ObjectNode subject = JSON.createObjectNode().put("reference", "Patient/" + patientId);
		if (fhirContext.getVersion().getVersion().isEqualOrNewerThan(FhirVersionEnum.R5)) {
			composition.putArray("subject").add(subject);
		}
		else {
			composition.set("subject", subject);
		}
		composition.put("date", now);
		composition.putArray("author").addObject().put("display", "Connectathon reference server");
		composition.put("title", "International Patient Summary");
		ArrayNode sections = composition.putArray("section");
		for (Section section : SECTIONS) {
			Map<String, String> references = new LinkedHashMap<>();
			for (String type : section.types()) {
				for (String json : related.getOrDefault(type, List.of())) {
					String id = readTree(json).path("id").asText();
					references.put(type + "/" + id, json);
				}
			}
			if (references.isEmpty() && !section.required()) {
				continue;
			}
			ObjectNode written = sections.addObject();
			written.put("title", section.title());
			written.set("code", loinc(section.code(), section.title()));
			written.set("text", narrative(section.title() + ": " + references.size() + " entries"));
			if (references.isEmpty()) {
				written.putObject("emptyReason")
					.putArray("coding")
					.addObject()
					.put("system", "http://terminology.hl7.org/CodeSystem/list-empty-reason")
					.put("code", "unavailable");
			}
			ArrayNode sectionEntries = written.putArray("entry");
			references.forEach((reference, json) -> {
				sectionEntries.addObject().put("reference", reference);
				included.add(entry(baseUrl, reference.substring(0, reference.indexOf('/')),
						reference.substring(reference.indexOf('/') + 1), json));
			});
			if (references.isEmpty()) {
				written.remove("entry");
			}
		}
		included.forEach(entries::add);
		return (IBaseBundle) fhirContext.newJsonParser().parseResource(bundle.toString());
	}

	private static ObjectNode entry(String baseUrl, String type, String id, String json) {
		ObjectNode entry = JSON.createObjectNode();
		entry.put("fullUrl", baseUrl + "/" + type + "/" + id);
		entry.set("resource", readTree(json));
		return entry;
	}

	private static ObjectNode loinc(String code, String display) {
		ObjectNode concept = JSON.createObjectNode();
		concept.putArray("coding").addObject().put("system", LOINC).put("code", code).put("display", display);
		return concept;
	}

	private static ObjectNode narrative(String text) {
		return JSON.createObjectNode()
			.put("status", "generated")
			.put("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + text + "</div>");
	}

	private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("the store holds only JSON it wrote", ex);
		}
	}

	/** An IPS section: its LOINC code and title, and the resource types it lists. */
	private record Section(String code, String title, boolean required, List<String> types) {

	}

}
