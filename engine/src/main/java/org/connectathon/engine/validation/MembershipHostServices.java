package org.connectathon.engine.validation;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.exceptions.PathEngineException;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r5.fhirpath.FHIRPathUtilityClasses.FunctionDetails;
import org.hl7.fhir.r5.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r5.fhirpath.TypeDetails;
import org.hl7.fhir.r5.model.Base;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.utilities.fhirpath.FHIRPathConstantEvaluationMode;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.instance.utils.ValidationContext;

/**
 * Stands in front of the HL7 validator's own FHIRPath host services for one validation
 * (one {@code InstanceValidator}) and answers {@code conformsTo(profile)} faster: first
 * {@link ProfilePrecheck} (a resource that cannot conform is not validated in full), then
 * a memo, so that each (resource, profile) pair is validated in full at most once,
 * however many slicings ask (IPS asks for {@code Bundle.entry} and again for the
 * Composition's section entries). A remembered answer is replayed with the slice notes
 * the validator recorded the first time, so the slice messages stay the same. Everything
 * else goes to the validator's host services unchanged.
 * <p>
 * Not thread-safe, like the validator it serves: one per validation.
 */
final class MembershipHostServices implements IHostApplicationServices {

	private final IHostApplicationServices validatorServices;

	private final ProfilePrecheck precheck;

	private final MembershipStatistics statistics;

	private final Map<Base, Map<String, Answer>> answers = new IdentityHashMap<>();

	private record Answer(boolean conforms, List<ValidationMessage> sliceNotes) {
	}

	MembershipHostServices(IHostApplicationServices validatorServices, ProfilePrecheck precheck,
			MembershipStatistics statistics) {
		this.validatorServices = validatorServices;
		this.precheck = precheck;
		this.statistics = statistics;
	}

	@Override
	public boolean conformsToProfile(FHIRPathEngine engine, Object appContext, Base item, String url)
			throws FHIRException {
		statistics.countAsked();
		Map<String, Answer> answersForItem = answers.computeIfAbsent(item, key -> new HashMap<>());
		Answer answer = answersForItem.get(url);
		if (answer != null) {
			statistics.countRemembered();
			replaySliceNotes(appContext, url, answer.sliceNotes());
			return answer.conforms();
		}
		Optional<String> cannotConform = cannotConform(engine, item, url);
		if (cannotConform.isPresent()) {
			statistics.countRefusedByPrecheck();
			List<ValidationMessage> notes = List.of(new ValidationMessage(ValidationMessage.Source.InstanceValidator,
					ValidationMessage.IssueType.STRUCTURE, ((Element) item).getPath(),
					"Cannot conform to " + url + ": " + cannotConform.get(), ValidationMessage.IssueSeverity.ERROR));
			replaySliceNotes(appContext, url, notes);
			answersForItem.put(url, new Answer(false, notes));
			return false;
		}
		statistics.countValidatedInFull();
		boolean conforms = validatorServices.conformsToProfile(engine, appContext, item, url);
		List<ValidationMessage> notes = null;
		if (appContext instanceof ValidationContext context && context.getSliceRecords() != null) {
			notes = context.getSliceRecords().get(url);
		}
		answersForItem.put(url, new Answer(conforms, notes));
		return conforms;
	}

	private Optional<String> cannotConform(FHIRPathEngine engine, Base item, String url) {
		if (!(item instanceof Element element)) {
			return Optional.empty();
		}
		StructureDefinition profile = engine.getWorker().fetchResource(StructureDefinition.class, url);
		return profile == null || !profile.hasSnapshot() ? Optional.empty() : precheck.whyCannotConform(element,
				profile, valueSetUrl -> engine.getWorker().fetchResource(ValueSet.class, valueSetUrl));
	}

	private static void replaySliceNotes(Object appContext, String url, List<ValidationMessage> notes) {
		if (notes != null && appContext instanceof ValidationContext context) {
			context.sliceNotes(url, notes);
		}
	}

	@Override
	public List<Base> resolveConstant(FHIRPathEngine engine, Object appContext, String name,
			FHIRPathConstantEvaluationMode mode) throws PathEngineException {
		return validatorServices.resolveConstant(engine, appContext, name, mode);
	}

	@Override
	public TypeDetails resolveConstantType(FHIRPathEngine engine, Object appContext, String name,
			FHIRPathConstantEvaluationMode mode) throws PathEngineException {
		return validatorServices.resolveConstantType(engine, appContext, name, mode);
	}

	@Override
	public boolean log(String argument, List<Base> focus) {
		return validatorServices.log(argument, focus);
	}

	@Override
	public FunctionDetails resolveFunction(FHIRPathEngine engine, String functionName) {
		return validatorServices.resolveFunction(engine, functionName);
	}

	@Override
	public TypeDetails checkFunction(FHIRPathEngine engine, Object appContext, String functionName, TypeDetails focus,
			List<TypeDetails> parameters) throws PathEngineException {
		return validatorServices.checkFunction(engine, appContext, functionName, focus, parameters);
	}

	@Override
	public List<Base> executeFunction(FHIRPathEngine engine, Object appContext, List<Base> focus, String functionName,
			List<List<Base>> parameters) {
		return validatorServices.executeFunction(engine, appContext, focus, functionName, parameters);
	}

	@Override
	public Base resolveReference(FHIRPathEngine engine, Object appContext, String url, Base refContext)
			throws FHIRException {
		return validatorServices.resolveReference(engine, appContext, url, refContext);
	}

	@Override
	public Base findContainingResource(Object appContext, Base item) {
		return validatorServices.findContainingResource(appContext, item);
	}

	@Override
	public ValueSet resolveValueSet(FHIRPathEngine engine, Object appContext, String url) {
		return validatorServices.resolveValueSet(engine, appContext, url);
	}

	@Override
	public boolean paramIsType(String name, int index) {
		return validatorServices.paramIsType(name, index);
	}

}
