package org.connectathon.engine.validation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * An HL7 {@code InstanceValidator} that validates one resource after another and finds in
 * each what a new validator would. Building one is most of a small resource's validation
 * (its FHIRPath engine, profile utilities, and the OID registry read and split from a 1.5
 * MB file), so {@link KeptInstanceValidators} keeps them.
 * <p>
 * The validator clears most of its state itself when a validation starts. What it keeps,
 * and this class clears: the definitions it has already warned about as deprecated,
 * withdrawn or retired (the warning is once per validator, and a kept validator must warn
 * in every validation, as a new one does), and the FHIRPath engine's host services, where
 * the slicing memo of the validation before would otherwise still sit. What nothing can
 * clear: the core's coding observer keeps every coding it saw, with the element it came
 * from; so a validator is {@linkplain #worn() worn} once it has validated a given number
 * of characters, and its holder builds a new one.
 */
final class KeptInstanceValidator extends InstanceValidator {

	private final IHostApplicationServices ownHostServices;

	private final long charactersBeforeWorn;

	private long charactersValidated;

	KeptInstanceValidator(IWorkerContext workerContext, IHostApplicationServices hostServices,
			long charactersBeforeWorn) {
		super(workerContext, hostServices, new XVerExtensionManagerOld(workerContext), new ValidatorSession(),
				new ValidatorSettings());
		this.ownHostServices = getFHIRPathEngine().getHostServices();
		this.charactersBeforeWorn = charactersBeforeWorn;
	}

	/**
	 * Validates one resource as a new validator would.
	 * @param appContext what the caller passes to the FHIRPath host services, or
	 * {@code null}
	 * @param content the resource's text
	 * @param format the text's format
	 * @param profiles the profiles to validate against besides what the resource declares
	 * to the validator itself
	 */
	List<ValidationMessage> validate(Object appContext, String content, FhirFormat format,
			List<StructureDefinition> profiles) {
		statusWarnings.clear();
		getTextsToCheck().clear();
		getFHIRPathEngine().setHostServices(ownHostServices);
		charactersValidated += content.length();
		List<ValidationMessage> messages = new ArrayList<>();
		validate(appContext, messages, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), format,
				profiles);
		return messages;
	}

	/** Whether the validator has held on to enough that the next one should be new. */
	boolean worn() {
		return charactersValidated >= charactersBeforeWorn;
	}

}
