package org.connectathon.platform.proxy.soap;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.connectathon.platform.proxy.soap.SoapTransaction.Names;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * The second layer of an XDS.b submission's validation (ITI-41 Provide and Register,
 * ITI-42 Register): the metadata rules of ITI TF-3 that a schema cannot say, each finding
 * named for its requirement. Written here rather than taken from IPF, whose validators
 * work on its ebXML model (JAXB, Apache CXF), which does not sit beside Spring Boot 4.1;
 * the rules follow the same parts of the Technical Framework:
 * <ul>
 * <li>ITI TF-3 Table 4.3.1-3: the slots, classifications and external identifiers that a
 * Document Source must send for a DocumentEntry and a SubmissionSet;</li>
 * <li>ITI TF-3 4.2.3: ids (entryUUID) and unique ids are unique in the submission;</li>
 * <li>ITI TF-3 4.2.3.2: the DocumentEntry's patientId is the SubmissionSet's;</li>
 * <li>ITI TF-2 3.41.4.1.3: each DocumentEntry has its document and the reverse; a hash
 * and a size sent with the document match its bytes (the MTOM attachment or the inline
 * base64).</li>
 * </ul>
 */
final class XdsMetadataRules {

	static final String DOCUMENT_ENTRY_STABLE = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";

	static final String DOCUMENT_ENTRY_ON_DEMAND = "urn:uuid:34268e47-fdf5-41a6-ba33-82133c465248";

	static final String SUBMISSION_SET = "urn:uuid:a54d6aa5-d40d-43f9-88c1-b749b3b0b6b3";

	private static final String SENDING = "ITI TF-3 Table 4.3.1-3";

	/** The classifications a DocumentEntry must have, by scheme. */
	private static final Map<String, String> ENTRY_CLASSIFICATIONS = Map.of(
			"urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a", "classCode",
			"urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f", "confidentialityCode",
			"urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d", "formatCode",
			"urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1", "healthcareFacilityTypeCode",
			"urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead", "practiceSettingCode",
			"urn:uuid:f0306f51-975f-434e-a61c-c59651d33983", "typeCode");

	private static final String ENTRY_PATIENT = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";

	private static final String ENTRY_UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";

	private static final String SET_CONTENT_TYPE = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";

	private static final String SET_UNIQUE_ID = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";

	private static final String SET_SOURCE_ID = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";

	private static final String SET_PATIENT = "urn:uuid:6b5aea1a-e29b-43e6-ae29-1a6e8d3c6d5a";

	private XdsMetadataRules() {
	}

	/**
	 * The findings of the submission in the body's message
	 * ({@code xdsb:ProvideAndRegister
	 * DocumentSetRequest} or {@code lcm:SubmitObjectsRequest}).
	 */
	static List<SoapFinding> check(Element message, SoapMessage soap) {
		List<SoapFinding> findings = new ArrayList<>();
		boolean provide = "ProvideAndRegisterDocumentSetRequest".equals(message.getLocalName());
		Element submission = provide ? SoapEnvelope.child(message, Names.LCM, "SubmitObjectsRequest").orElse(null)
				: message;
		if (submission == null) {
			return findings;
		}
		List<Element> objects = SoapEnvelope.child(submission, Names.RIM, "RegistryObjectList")
			.map(SoapEnvelope::children)
			.orElse(List.of());
		List<Element> entries = objects.stream()
			.filter((object) -> "ExtrinsicObject".equals(object.getLocalName()))
			.filter((object) -> DOCUMENT_ENTRY_STABLE.equals(object.getAttribute("objectType"))
					|| DOCUMENT_ENTRY_ON_DEMAND.equals(object.getAttribute("objectType")))
			.toList();
		List<Element> sets = objects.stream()
			.filter((object) -> "RegistryPackage".equals(object.getLocalName()))
			.filter((object) -> isSubmissionSet(object, objects))
			.toList();
		if (sets.size() != 1) {
			findings.add(SoapFinding.error(XmlPaths.of(submission),
					"[" + SENDING + "] A submission holds exactly one" + " SubmissionSet; found " + sets.size() + "."));
		}
		Map<String, String> uniqueIds = new HashMap<>();
		Map<String, String> entryUuids = new HashMap<>();
		for (Element object : objects) {
			String id = object.getAttribute("id");
			if (!id.isBlank() && entryUuids.putIfAbsent(id, XmlPaths.of(object)) != null) {
				findings.add(SoapFinding.error(XmlPaths.of(object),
						"[ITI TF-3 4.2.3.2 entryUUID] The id " + id + " is used by two objects of the submission."));
			}
		}
		String setPatient = null;
		for (Element set : sets) {
			requireSlot(set, "submissionTime", "SubmissionSet", findings);
			requireClassification(set, SET_CONTENT_TYPE, "contentTypeCode", "SubmissionSet", findings);
			unique(requireIdentifier(set, SET_UNIQUE_ID, "uniqueId", "SubmissionSet", findings), set, uniqueIds,
					findings);
			requireIdentifier(set, SET_SOURCE_ID, "sourceId", "SubmissionSet", findings);
			setPatient = requireIdentifier(set, SET_PATIENT, "patientId", "SubmissionSet", findings);
		}
		Map<String, Element> documents = new HashMap<>();
		if (provide) {
			SoapEnvelope.children(message, Names.XDS_B, "Document")
				.forEach((document) -> documents.put(document.getAttribute("id"), document));
		}
		for (Element entry : entries) {
			String path = XmlPaths.of(entry);
			if (entry.getAttribute("mimeType").isBlank()) {
				findings.add(SoapFinding.error(path,
						"[" + SENDING + " DocumentEntry.mimeType] The DocumentEntry has no mimeType."));
			}
			requireSlot(entry, "creationTime", "DocumentEntry", findings);
			requireSlot(entry, "languageCode", "DocumentEntry", findings);
			requireSlot(entry, "sourcePatientId", "DocumentEntry", findings);
			ENTRY_CLASSIFICATIONS
				.forEach((scheme, name) -> requireClassification(entry, scheme, name, "DocumentEntry", findings));
			String patient = requireIdentifier(entry, ENTRY_PATIENT, "patientId", "DocumentEntry", findings);
			unique(requireIdentifier(entry, ENTRY_UNIQUE_ID, "uniqueId", "DocumentEntry", findings), entry, uniqueIds,
					findings);
			if (patient != null && setPatient != null && !patient.equals(setPatient)) {
				findings.add(SoapFinding.error(path,
						"[ITI TF-3 4.2.3.2 DocumentEntry.patientId] The DocumentEntry's patient " + patient
								+ " is not the SubmissionSet's, " + setPatient + "."));
			}
			if (!provide) {
				requireSlot(entry, "hash", "DocumentEntry", findings);
				requireSlot(entry, "size", "DocumentEntry", findings);
				continue;
			}
			Element document = documents.remove(entry.getAttribute("id"));
			if (document == null) {
				findings.add(SoapFinding.error(path, "[ITI TF-2 3.41.4.1.3] The DocumentEntry "
						+ entry.getAttribute("id") + " has no Document in the request."));
				continue;
			}
			byte[] content = content(document, soap, findings);
			if (content != null) {
				checkHashAndSize(entry, content, findings);
			}
		}
		documents.values()
			.forEach((document) -> findings.add(SoapFinding.error(XmlPaths.of(document), "[ITI TF-2 3.41.4.1.3] The"
					+ " Document " + document.getAttribute("id") + " has no DocumentEntry in the metadata.")));
		return findings;
	}

	/**
	 * A RegistryPackage is a SubmissionSet when classified as one, inside it or by a
	 * Classification object of the list.
	 */
	private static boolean isSubmissionSet(Element registryPackage, List<Element> objects) {
		String id = registryPackage.getAttribute("id");
		boolean inside = SoapEnvelope.children(registryPackage, Names.RIM, "Classification")
			.stream()
			.anyMatch((classification) -> SUBMISSION_SET.equals(classification.getAttribute("classificationNode")));
		return inside || objects.stream()
			.filter((object) -> "Classification".equals(object.getLocalName()))
			.anyMatch((classification) -> SUBMISSION_SET.equals(classification.getAttribute("classificationNode"))
					&& id.equals(classification.getAttribute("classifiedObject")));
	}

	private static @Nullable String slotValue(Element object, String name) {
		return SoapEnvelope.children(object, Names.RIM, "Slot")
			.stream()
			.filter((slot) -> name.equals(slot.getAttribute("name")))
			.findFirst()
			.flatMap((slot) -> SoapEnvelope.child(slot, Names.RIM, "ValueList"))
			.flatMap((values) -> SoapEnvelope.child(values, Names.RIM, "Value"))
			.map((value) -> value.getTextContent().strip())
			.filter((value) -> !value.isEmpty())
			.orElse(null);
	}

	private static void requireSlot(Element object, String name, String type, List<SoapFinding> findings) {
		if (slotValue(object, name) == null) {
			findings.add(SoapFinding.error(XmlPaths.of(object), "[" + SENDING + " " + type + "." + name + "] The "
					+ type + " has no " + name + " slot with a value."));
		}
	}

	private static void requireClassification(Element object, String scheme, String name, String type,
			List<SoapFinding> findings) {
		boolean found = SoapEnvelope.children(object, Names.RIM, "Classification")
			.stream()
			.anyMatch((classification) -> scheme.equals(classification.getAttribute("classificationScheme")));
		if (!found) {
			findings.add(SoapFinding.error(XmlPaths.of(object), "[" + SENDING + " " + type + "." + name + "] The "
					+ type + " has no " + name + " classification (scheme " + scheme + ")."));
		}
	}

	private static @Nullable String requireIdentifier(Element object, String scheme, String name, String type,
			List<SoapFinding> findings) {
		Optional<String> value = SoapEnvelope.children(object, Names.RIM, "ExternalIdentifier")
			.stream()
			.filter((identifier) -> scheme.equals(identifier.getAttribute("identificationScheme")))
			.map((identifier) -> identifier.getAttribute("value").strip())
			.filter((text) -> !text.isEmpty())
			.findFirst();
		if (value.isEmpty()) {
			findings.add(SoapFinding.error(XmlPaths.of(object), "[" + SENDING + " " + type + "." + name + "] The "
					+ type + " has no " + name + " external identifier (scheme " + scheme + ")."));
		}
		return value.orElse(null);
	}

	private static void unique(@Nullable String uniqueId, Element object, Map<String, String> seen,
			List<SoapFinding> findings) {
		if (uniqueId != null && seen.putIfAbsent(uniqueId, XmlPaths.of(object)) != null) {
			findings.add(SoapFinding.error(XmlPaths.of(object), "[ITI TF-3 4.2.3 uniqueId] The uniqueId " + uniqueId
					+ " is used by two objects of the submission."));
		}
	}

	/** The document's bytes: its MTOM attachment, or its inline base64. */
	private static byte @Nullable [] content(Element document, SoapMessage soap, List<SoapFinding> findings) {
		Optional<Element> include = SoapEnvelope.child(document, SoapEnvelope.XOP, "Include");
		if (include.isPresent()) {
			String href = include.get().getAttribute("href");
			Optional<SoapAttachment> attachment = soap.attachment(href);
			if (attachment.isEmpty()) {
				findings.add(SoapFinding.error(XmlPaths.of(include.get()), "[XOP 1.0 3.1] The attachment " + href
						+ " that the Document refers to is not in the message."));
				return null;
			}
			return attachment.get().content();
		}
		try {
			return Base64.getMimeDecoder().decode(document.getTextContent().strip());
		}
		catch (IllegalArgumentException unreadable) {
			findings.add(SoapFinding.error(XmlPaths.of(document),
					"[ITI TF-2 3.41.4.1.2] The Document is neither base64 nor an xop:Include."));
			return null;
		}
	}

	private static void checkHashAndSize(Element entry, byte[] content, List<SoapFinding> findings) {
		String path = XmlPaths.of(entry);
		String hash = slotValue(entry, "hash");
		if (hash != null) {
			String actual = sha1(content);
			if (!actual.equalsIgnoreCase(hash)) {
				findings.add(SoapFinding.error(path, "[ITI TF-2 3.41.4.1.3 DocumentEntry.hash] The hash slot says "
						+ hash + "; the document's SHA-1 is " + actual + "."));
			}
		}
		String size = slotValue(entry, "size");
		if (size != null && !size.equals(Long.toString(content.length))) {
			findings.add(SoapFinding.error(path, "[ITI TF-2 3.41.4.1.3 DocumentEntry.size] The size slot says " + size
					+ "; the document has " + content.length + " bytes."));
		}
	}

	static String sha1(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException("Every JDK has SHA-1", missing);
		}
	}

}
