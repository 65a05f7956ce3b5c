package org.connectathon.platform.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.PageMessage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/** Organizers' page to import and export an event's test plan. */
@Controller
class AdminTestPlanController {

	private final TestDefinitionService tests;

	private final EventService events;

	AdminTestPlanController(TestDefinitionService tests, EventService events) {
		this.tests = tests;
		this.events = events;
	}

	@GetMapping("/admin/events/{eventId}/test-plan")
	String testPlan(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		return "testing/test-plan";
	}

	/** Takes an uploaded file, or else the pasted text. */
	@PostMapping("/admin/events/{eventId}/test-plan")
	String importPlan(@PathVariable long eventId, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String content, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) throws IOException {
		byte[] bytes = (file != null && !file.isEmpty()) ? file.getBytes()
				: (content != null) ? content.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (bytes.length == 0) {
			throw new InvalidInputException("Choose a test plan file or paste its content.");
		}
		TestPlanSummary summary = this.tests.importPlan(eventId, bytes, user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("testing.plan.imported", summary.tests(),
				summary.roles(), summary.steps(), summary.metaTests()));
		return "redirect:/events/" + eventId + "/tests";
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
