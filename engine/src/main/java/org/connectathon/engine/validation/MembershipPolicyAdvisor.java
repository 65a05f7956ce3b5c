package org.connectathon.engine.validation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.r5.utils.validation.IMessagingServices;
import org.hl7.fhir.r5.utils.validation.IResourceValidator;
import org.hl7.fhir.r5.utils.validation.IValidationPolicyAdvisor;
import org.hl7.fhir.r5.utils.validation.constants.BindingKind;
import org.hl7.fhir.r5.utils.validation.constants.ContainedReferenceValidationPolicy;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * The hook that puts {@link MembershipHostServices} in place. HAPI 8.8.1's
 * {@code ValidatorWrapper} builds a new HL7 {@code InstanceValidator} for every
 * validation and offers no way to replace the validator's FHIRPath host services, whose
 * {@code conformsToProfile} answers IPS's {@code conformsTo()} slicing with a full
 * validation. What it does pass on is the policy advisor, and the validator consults it,
 * naming itself, before it evaluates any slicing: on each such call this advisor checks
 * that the validator's FHIRPath engine ({@code InstanceValidator#getFHIRPathEngine}) has
 * the membership services in front of the validator's own, and puts them there if not.
 * Every question is then answered by HAPI's default advisor, so the policy is HAPI's.
 * <p>
 * {@code ValidationServiceMembershipTests} fails if a validator upgrade stops consulting
 * the advisor this way or stops asking {@code conformsToProfile}.
 */
final class MembershipPolicyAdvisor implements IValidationPolicyAdvisor {

	private IValidationPolicyAdvisor policy;

	private final ProfilePrecheck precheck = new ProfilePrecheck();

	private final MembershipStatistics statistics;

	MembershipPolicyAdvisor(IValidationPolicyAdvisor policy, MembershipStatistics statistics) {
		this.policy = policy;
		this.statistics = statistics;
	}

	private void install(IResourceValidator validator) {
		if (validator instanceof InstanceValidator instanceValidator) {
			FHIRPathEngine engine = instanceValidator.getFHIRPathEngine();
			if (engine != null && !(engine.getHostServices() instanceof MembershipHostServices)) {
				engine.setHostServices(new MembershipHostServices(engine.getHostServices(), precheck, statistics));
			}
		}
	}

	@Override
	public IValidationPolicyAdvisor getPolicyAdvisor() {
		return policy;
	}

	@Override
	public IValidationPolicyAdvisor setPolicyAdvisor(IValidationPolicyAdvisor policyAdvisor) {
		this.policy = policyAdvisor;
		return this;
	}

	@Override
	public ReferenceValidationPolicy policyForReference(IResourceValidator validator, Object appContext, String path,
			String url, ReferenceDestinationType destinationType) {
		install(validator);
		return policy.policyForReference(validator, appContext, path, url, destinationType);
	}

	@Override
	public ContainedReferenceValidationPolicy policyForContained(IResourceValidator validator, Object appContext,
			StructureDefinition structure, ElementDefinition element, String containerType, String containerId,
			Element.SpecialElement containingResourceType, String path, String url) {
		install(validator);
		return policy.policyForContained(validator, appContext, structure, element, containerType, containerId,
				containingResourceType, path, url);
	}

	@Override
	public EnumSet<ResourceValidationAction> policyForResource(IResourceValidator validator, Object appContext,
			StructureDefinition type, String path) {
		install(validator);
		return policy.policyForResource(validator, appContext, type, path);
	}

	@Override
	public EnumSet<ElementValidationAction> policyForElement(IResourceValidator validator, Object appContext,
			StructureDefinition structure, ElementDefinition element, String path) {
		install(validator);
		return policy.policyForElement(validator, appContext, structure, element, path);
	}

	@Override
	public EnumSet<CodedContentValidationAction> policyForCodedContent(IResourceValidator validator, Object appContext,
			String stackPath, ElementDefinition definition, StructureDefinition structure, BindingKind kind,
			AdditionalBindingPurpose purpose, ValueSet valueSet, List<String> systems) {
		install(validator);
		return policy.policyForCodedContent(validator, appContext, stackPath, definition, structure, kind, purpose,
				valueSet, systems);
	}

	@Override
	public SpecialValidationAction policyForSpecialValidation(IResourceValidator validator, Object appContext,
			SpecialValidationRule rule, String stackPath, Element resource, Element element) {
		install(validator);
		return policy.policyForSpecialValidation(validator, appContext, rule, stackPath, resource, element);
	}

	@Override
	public List<StructureDefinition> getImpliedProfilesForResource(IResourceValidator validator, Object appContext,
			String stackPath, ElementDefinition definition, StructureDefinition structure, Element resource,
			boolean valid, IMessagingServices msgServices, List<ValidationMessage> messages) {
		install(validator);
		return policy.getImpliedProfilesForResource(validator, appContext, stackPath, definition, structure, resource,
				valid, msgServices, messages);
	}

	@Override
	public ReferenceValidationPolicy getReferencePolicy() {
		return policy.getReferencePolicy();
	}

	@Override
	public Set<String> getCheckReferencesTo() {
		return policy.getCheckReferencesTo();
	}

	@Override
	public boolean isSuppressMessageId(String path, String messageId) {
		return policy.isSuppressMessageId(path, messageId);
	}

}
