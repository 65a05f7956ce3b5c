package org.connectathon.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.model.StringType;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.r5.context.IWorkerContext;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProfilePrecheckTests {

	private static IWorkerContext context;

	private final ProfilePrecheck precheck = new ProfilePrecheck();

	@BeforeAll
	static void createContext() {
		FhirContext fhirContext = FhirContexts.forVersion("4.0.1");
		context = WorkerContextValidationSupportAdapter
			.newVersionSpecificWorkerContextWrapper(new DefaultProfileValidationSupport(fhirContext));
	}

	@Test
	void resourceOfAnotherTypeCannotConform() throws Exception {
		assertThat(precheck.whyCannotConform(observation("laboratory"), profile("Condition", null)))
			.hasValue("is a Observation, the profile is on Condition");
	}

	@Test
	void requiredCategoryWithAnotherCodeCannotConform() throws Exception {
		assertThat(precheck.whyCannotConform(observation("imaging"), profile("Observation", "laboratory")))
			.hasValueSatisfying(reason -> assertThat(reason).startsWith("Observation.category:laboratory"));
	}

	@Test
	void requiredCategoryWithTheCodeMayConform() throws Exception {
		assertThat(precheck.whyCannotConform(observation("laboratory"), profile("Observation", "laboratory")))
			.isEmpty();
	}

	@Test
	void missingRequiredCategoryCannotConform() throws Exception {
		Element observation = parse("{\"resourceType\":\"Observation\",\"status\":\"final\"}");

		assertThat(precheck.whyCannotConform(observation, profile("Observation", "laboratory"))).isPresent();
	}

	@Test
	void patternWithAnExtensionIsLeftToTheValidator() throws Exception {
		StructureDefinition profile = profile("Observation", "laboratory");
		ElementDefinition category = profile.getSnapshot().getElement().get(1);
		category.getPattern().addExtension("http://example.org/any", new StringType("x"));

		assertThat(precheck.whyCannotConform(observation("imaging"), profile)).isEmpty();
	}

	private static Element observation(String category) throws Exception {
		return parse("{\"resourceType\":\"Observation\",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":"
				+ "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"" + category
				+ "\"}]}],\"code\":{\"text\":\"x\"}}");
	}

	private static Element parse(String json) throws Exception {
		return Manager.parseSingle(context, new java.io.ByteArrayInputStream(json.getBytes()), FhirFormat.JSON);
	}

	private static StructureDefinition profile(String type, String requiredCategory) {
		StructureDefinition profile = new StructureDefinition();
		profile.setUrl("http://example.org/StructureDefinition/test-" + type + "-" + requiredCategory);
		profile.setType(type);
		profile.setKind(StructureDefinition.StructureDefinitionKind.RESOURCE);
		profile.getSnapshot().addElement().setPath(type).setMin(0);
		if (requiredCategory != null) {
			profile.getSnapshot()
				.addElement()
				.setPath(type + ".category")
				.setSliceName(requiredCategory)
				.setMin(1)
				.setPattern(new CodeableConcept().addCoding(new Coding(
						"http://terminology.hl7.org/CodeSystem/observation-category", requiredCategory, null)));
		}
		return profile;
	}

}
