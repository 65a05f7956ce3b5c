package org.connectathon.platform.automation;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.validation.FhirValidation;
import org.jspecify.annotations.Nullable;
import org.connectathon.platform.web.Forms;
import org.connectathon.platform.web.PageMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The event's TestScripts: everyone reads them, organizers upload and delete them. */
@Controller
class TestScriptPageController {

	private static final String FORM = "form";

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
		model.addAttribute(FORM, TestScriptUploadForm.EMPTY);
		return scriptsView(eventId, user, model);
	}

	private String scriptsView(long eventId, SignedInUser user, Model model) {
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
	String upload(@PathVariable long eventId, @ModelAttribute(FORM) TestScriptUploadForm form, BindingResult result,
			@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			result.reject("automation.scripts.chooseFile");
		}
		byte[] content = (file != null) ? file.getBytes() : new byte[0];
		Optional<EventTestScript> script = Forms.submit(result, () -> this.scripts.upload(eventId,
				file.getOriginalFilename(), content, form.implementationGuides(), user));
		if (script.isEmpty()) {
			return scriptsView(eventId, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE,
				PageMessage.of("automation.script.saved", script.get().keyword()));
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
