package org.connectathon.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolationException;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.RuleViolationException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.validation.ObjectError;

/**
 * Page forms that keep what was typed: a service's refusal becomes errors of the form's
 * {@link BindingResult}, each problem {@code field: message} beside its field, so that
 * the controller answers the form again with the typed values instead of redirecting.
 */
public final class Forms {

	/** The key of the line above a form whose fields have errors. */
	static final String CORRECT_THE_FORM = "form.correct";

	private Forms() {
	}

	/**
	 * Runs the action unless the form did not bind; answers its result, or nothing when
	 * the form or the service refused, the reasons then being in {@code form}.
	 */
	public static <T> Optional<T> submit(BindingResult form, Supplier<T> action) {
		if (form.hasErrors()) {
			return Optional.empty();
		}
		try {
			return Optional.of(action.get());
		}
		catch (InvalidInputException refused) {
			reject(form, refused.getMessage(), refused.problems());
		}
		catch (ConstraintViolationException refused) {
			reject(form, null, ConstraintViolations.problems(refused));
		}
		catch (RuleViolationException refused) {
			form.addError(new ObjectError(form.getObjectName(), refused.getMessage()));
		}
		return Optional.empty();
	}

	/**
	 * The errors of a form whose fields are named at run time, so that no record binds
	 * it: put in the model, with what was typed, for the fragments of
	 * fragments/forms.html.
	 */
	public static BindingResult unboundForm(String name, Map<?, ?> typed, Model model) {
		BindingResult form = new MapBindingResult(typed, name);
		model.addAttribute(name, typed);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, form);
		return form;
	}

	/**
	 * A problem about a field of the form goes beside it, with the value typed; any other
	 * (about a field the form does not have) above the form, whole.
	 */
	private static void reject(BindingResult form, String message, List<String> problems) {
		if (message != null) {
			form.addError(new ObjectError(form.getObjectName(), message));
		}
		else {
			form.addError(new ObjectError(form.getObjectName(), new String[] { CORRECT_THE_FORM }, null,
					"Please correct the form."));
		}
		for (String problem : problems) {
			int colon = problem.indexOf(": ");
			String field = (colon > 0) ? problem.substring(0, colon) : null;
			if (field != null && form.getFieldType(field) != null) {
				form.addError(new FieldError(form.getObjectName(), field, form.getRawFieldValue(field), false, null,
						null, problem.substring(colon + 2)));
			}
			else {
				form.addError(new ObjectError(form.getObjectName(), problem));
			}
		}
	}

}
