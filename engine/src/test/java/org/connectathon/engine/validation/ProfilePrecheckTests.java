package org.connectathon.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.CodeType;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.Enumerations.BindingStrength;
import org.hl7.fhir.r5.model.ValueSet;
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
		assertThat(precheck.whyCannotConform(observation("laboratory"), profile("Condition", null), null))
			.hasValue("is a Observation, the profile is on Condition");
	}

	@Test
	void requiredCategoryWithAnotherCodeCannotConform() throws Exception {
		assertThat(precheck.whyCannotConform(observation("imaging"), profile("Observation", "laboratory"), null))
			.hasValueSatisfying(reason -> assertThat(reason).startsWith("Observation.category:laboratory"));
	}

	@Test
	void requiredCategoryWithTheCodeMayConform() throws Exception {
		assertThat(precheck.whyCannotConform(observation("laboratory"), profile("Observation", "laboratory"), null))
			.isEmpty();
	}

	@Test
	void missingRequiredCategoryCannotConform() throws Exception {
		Element observation = parse("{\"resourceType\":\"Observation\",\"status\":\"final\"}");

		assertThat(precheck.whyCannotConform(observation, profile("Observation", "laboratory"), null)).isPresent();
	}

	@Test
	void patternWithAnExtensionIsLeftToTheValidator() throws Exception {
		StructureDefinition profile = profile("Observation", "laboratory");
		ElementDefinition category = profile.getSnapshot().getElement().get(1);
		category.getPattern().addExtension("http://example.org/any", new StringType("x"));

		assertThat(precheck.whyCannotConform(observation("imaging"), profile, null)).isEmpty();
	}

	@Test
	void codeOutsideARequiredEnumeratedValueSetCannotConform() throws Exception {
		assertThat(precheck.whyCannotConform(observation("laboratory", "1234-5"), eddProfile(), this::valueSet))
			.hasValueSatisfying(reason -> assertThat(reason).startsWith("Observation.code"));
	}

	@Test
	void codeInTheRequiredValueSetMayConform() throws Exception {
		assertThat(precheck.whyCannotConform(observation("laboratory", "11778-8"), eddProfile(), this::valueSet))
			.isEmpty();
	}

	@Test
	void codeWithTextOnlyIsLeftToTheValidator() throws Exception {
		assertThat(precheck.whyCannotConform(observation("laboratory"), eddProfile(), this::valueSet)).isEmpty();
	}

	@Test
	void requiredDescendantWithAnotherFixedValueCannotConform() throws Exception {
		StructureDefinition profile = profile("Observation", null);
		element(profile, "Observation.category:VSCat", "Observation.category", 1).setSliceName("VSCat");
		element(profile, "Observation.category:VSCat.coding", "Observation.category.coding", 1);
		element(profile, "Observation.category:VSCat.coding.code", "Observation.category.coding.code", 1)
			.setFixed(new CodeType("vital-signs"));

		assertThat(precheck.whyCannotConform(observation("laboratory"), profile, null)).isPresent();
		assertThat(precheck.whyCannotConform(observation("vital-signs"), profile, null)).isEmpty();
	}

	private ValueSet valueSet(String url) {
		ValueSet valueSet = new ValueSet();
		valueSet.setUrl(url);
		valueSet.getCompose().addInclude().setSystem("http://loinc.org").addConcept().setCode("11778-8");
		return valueSet;
	}

	private static StructureDefinition eddProfile() {
		StructureDefinition profile = profile("Observation", null);
		ElementDefinition code = element(profile, "Observation.code", "Observation.code", 1);
		code.addType().setCode("CodeableConcept");
		code.getBinding().setStrength(BindingStrength.REQUIRED).setValueSet("http://example.org/ValueSet/edd");
		return profile;
	}

	private static ElementDefinition element(StructureDefinition profile, String id, String path, int min) {
		ElementDefinition element = profile.getSnapshot().addElement();
		element.setId(id);
		return element.setPath(path).setMin(min);
	}

	private static Element observation(String category, String loincCode) throws Exception {
		return parse("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
				+ "\"http://loinc.org\",\"code\":\"" + loincCode + "\"}]},\"category\":[{\"coding\":[{\"system\":"
				+ "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"" + category + "\"}]}]}");
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
		element(profile, type, type, 0);
		if (requiredCategory != null) {
			element(profile, type + ".category:" + requiredCategory, type + ".category", 1)
				.setSliceName(requiredCategory)
				.setMin(1)
				.setPattern(new CodeableConcept().addCoding(new Coding(
						"http://terminology.hl7.org/CodeSystem/observation-category", requiredCategory, null)));
		}
		return profile;
	}

}
