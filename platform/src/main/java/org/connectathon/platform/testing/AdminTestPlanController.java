package org.connectathon.platform.testing;

import java.io.IOException;

import java.util.Optional;

import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.Forms;
import org.connectathon.platform.web.ImportForm;
import org.connectathon.platform.web.PageMessage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/** Organizers' page to import and export an event's test plan. */
@Controller
class AdminTestPlanController {

	private static final String FORM = "form";

	private final TestDefinitionService tests;

	private final EventService events;

	AdminTestPlanController(TestDefinitionService tests, EventService events) {
		this.tests = tests;
		this.events = events;
	}

	@GetMapping("/admin/events/{eventId}/test-plan")
	String testPlan(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute(FORM, ImportForm.EMPTY);
		return testPlanView(eventId, user, model);
	}

	/** Takes an uploaded file, or else the pasted text. */
	@PostMapping("/admin/events/{eventId}/test-plan")
	String importPlan(@PathVariable long eventId, @ModelAttribute(FORM) ImportForm form, BindingResult result,
			@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect, Model model) throws IOException {
		byte[] bytes = form.bytes(file);
		if (bytes.length == 0) {
			result.rejectValue("content", "testing.plan.choose");
		}
		Optional<TestPlanSummary> summary = Forms.submit(result, () -> this.tests.importPlan(eventId, bytes, user));
		if (summary.isEmpty()) {
			return testPlanView(eventId, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("testing.plan.imported", summary.get().tests(),
				summary.get().roles(), summary.get().steps(), summary.get().metaTests()));
		return "redirect:/events/" + eventId + "/tests";
	}

	private String testPlanView(long eventId, SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		return "testing/test-plan";
	}

	@GetMapping("/admin/events/{eventId}/test-plan/export")
	ResponseEntity<String> export(@PathVariable long eventId, @RequestParam(defaultValue = "yaml") String format,
			@AuthenticationPrincipal SignedInUser user) {
		boolean yaml = !"json".equalsIgnoreCase(format);
		return ResponseEntity.ok()
			.contentType(yaml ? TestApiController.YAML : MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(yaml ? "test-plan.yaml" : "test-plan.json")
						.build()
						.toString())
			.body(yaml ? this.tests.exportYaml(eventId, user) : this.tests.exportJson(eventId, user));
	}

}
