package org.connectathon.platform.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.connectathon.engine.validation.IssueSeverity;
import org.connectathon.engine.validation.ValidationIssue;
import org.connectathon.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page where a person pastes or uploads a resource, picks implementation guides and a
 * profile, and sees the issues beside the lines they are about.
 */
@Controller
class ValidationPageController {

	private static final String VIEW = "validation/validate";

	private final FhirValidation validation;

	private final MessageSource messages;

	ValidationPageController(FhirValidation validation, MessageSource messages) {
		this.validation = validation;
		this.messages = messages;
	}

	@GetMapping("/validate")
	String initForm(Model model) {
		model.addAttribute("content", "");
		model.addAttribute("chosenImplementationGuides", List.of());
		return view(model);
	}

	@PostMapping("/validate")
	String processForm(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String content,
			@RequestParam(name = "ig", required = false) List<String> implementationGuides,
			@RequestParam(required = false) String profile, Locale locale, Model model) throws IOException {
		String resource = (file != null && !file.isEmpty()) ? new String(file.getBytes(), StandardCharsets.UTF_8)
				: (content != null) ? content : "";
		List<String> chosen = (implementationGuides != null) ? implementationGuides : List.of();
		model.addAttribute("content", resource);
		model.addAttribute("chosenImplementationGuides", chosen);
		model.addAttribute("profile", profile);
		if (resource.isBlank()) {
			model.addAttribute("error", this.messages.getMessage("validation.choose", null, locale));
			return view(model);
		}
		try {
			FhirValidation.Validation result = this.validation.validate(resource, chosen, profile);
			List<ValidationIssue> issues = new ArrayList<>(result.report().issues());
			issues.sort(Comparator.comparing((ValidationIssue issue) -> issue.severity().ordinal())
				.thenComparing((issue) -> (issue.line() != null) ? issue.line() : 0));
			model.addAttribute("report", result.report());
			model.addAttribute("issues", issues);
			model.addAttribute("packageWarnings", result.packageWarnings());
			model.addAttribute("lines", numberedLines(resource, issues));
		}
		catch (InvalidInputException exception) {
			model.addAttribute("error", exception.getMessage());
		}
		return view(model);
	}

	private String view(Model model) {
		model.addAttribute("implementationGuides", this.validation.cachedImplementationGuides());
		model.addAttribute("installingImplementationGuides",
				String.join(", ", this.validation.installingImplementationGuides()));
		model.addAttribute("installationFailure", this.validation.installationFailure().orElse(null));
		return VIEW;
	}

	/** The resource's lines, each marked with the most severe issue found on it. */
	private static List<SourceLine> numberedLines(String resource, List<ValidationIssue> issues) {
		Map<Integer, IssueSeverity> worst = issues.stream()
			.filter((issue) -> issue.line() != null)
			.collect(Collectors.toMap(ValidationIssue::line, ValidationIssue::severity,
					(first, second) -> (first.ordinal() <= second.ordinal()) ? first : second));
		String[] lines = resource.split("\\R", -1);
		List<SourceLine> numbered = new ArrayList<>(lines.length);
		for (int index = 0; index < lines.length; index++) {
			IssueSeverity severity = worst.get(index + 1);
			numbered.add(new SourceLine(index + 1, lines[index], (severity != null) ? severity.code() : null));
		}
		return numbered;
	}

	/**
	 * One line of the validated text, with the severity class of its worst issue, if any.
	 */
	record SourceLine(int number, String text, String severity) {

	}

}
