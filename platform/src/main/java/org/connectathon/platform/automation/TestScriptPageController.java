package org.connectathon.platform.automation;

import java.io.IOException;
import java.util.List;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.validation.FhirValidation;
import org.jspecify.annotations.Nullable;
import org.connectathon.platform.web.PageMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The event's TestScripts: everyone reads them, organizers upload and delete them. */
@Controller
class TestScriptPageController {

	private final TestScriptLibrary scripts;

	private final EventService events;

	private final FhirValidation validation;

	TestScriptPageController(TestScriptLibrary scripts, EventService events, FhirValidation validation) {
		this.scripts = scripts;
		this.events = events;
		this.validation = validation;
	}

	@GetMapping("/events/{eventId}/test-scripts")
	String scripts(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		model.addAttribute("scripts", this.scripts.findInEvent(eventId, user));
		model.addAttribute("implementationGuides", this.validation.cachedImplementationGuides());
		return "automation/test-scripts";
	}

	@GetMapping("/test-scripts/{id}/content")
	ResponseEntity<byte[]> content(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return AutomationApiController.download(this.scripts.find(id, user), this.scripts.content(id, user));
	}

	@PostMapping("/admin/events/{eventId}/test-scripts")
	String upload(@PathVariable long eventId, @RequestParam(required = false) MultipartFile file,
			@RequestParam(name = "ig", required = false) @Nullable List<String> implementationGuides,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("Choose a TestScript file.");
		}
		EventTestScript script = this.scripts.upload(eventId, file.getOriginalFilename(), file.getBytes(),
				(implementationGuides != null) ? implementationGuides : List.of(), user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("automation.script.saved", script.keyword()));
		return "redirect:/events/" + eventId + "/test-scripts";
	}

	@PostMapping("/admin/test-scripts/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		EventTestScript script = this.scripts.find(id, user);
		this.scripts.delete(id, user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE,
				PageMessage.of("automation.script.deleted", script.keyword()));
		return "redirect:/events/" + script.eventId() + "/test-scripts";
	}

}
