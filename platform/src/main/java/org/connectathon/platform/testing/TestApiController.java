package org.connectathon.platform.testing;

import java.util.List;

import org.connectathon.platform.ListFilters;
import org.connectathon.platform.security.SignedInUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class TestApiController {

	static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private final TestDefinitionService tests;

	TestApiController(TestDefinitionService tests) {
		this.tests = tests;
	}

	/**
	 * The event's tests that pass the filters (see docs/running-an-event.md, Finding
	 * things), by keyword unless {@code sort} names a column ({@code keyword},
	 * {@code name}, {@code type}, after a {@code -} for descending order).
	 */
	@GetMapping("/events/{eventId}/tests")
	List<TestDefinition> tests(@PathVariable long eventId, @ParameterObject ListFilters filters,
			@AuthenticationPrincipal SignedInUser user) {
		return this.tests.findInEvent(eventId, filters, user);
	}

	@GetMapping("/tests/{id}")
	TestDefinition test(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.tests.find(id, user);
	}

	/**
	 * Changes the test's settings: whether an automated pass verifies without a monitor.
	 */
	@PutMapping("/tests/{id}/settings")
	TestDefinition changeSettings(@PathVariable long id, @RequestBody TestSettingsForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.tests.changeSettings(id, form, user);
	}

	/**
	 * The event's tests in the test plan format: JSON, or YAML with {@code format=yaml}.
	 */
	@GetMapping("/events/{eventId}/test-plan")
	ResponseEntity<String> export(@PathVariable long eventId, @RequestParam(defaultValue = "json") String format,
			@AuthenticationPrincipal SignedInUser user) {
		return "yaml".equalsIgnoreCase(format)
				? ResponseEntity.ok().contentType(YAML).body(this.tests.exportYaml(eventId, user))
				: ResponseEntity.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.body(this.tests.exportJson(eventId, user));
	}

	/** Imports a test plan file sent as the request body, in YAML or JSON. */
	@PostMapping(path = "/events/{eventId}/test-plan",
			consumes = { "application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/plain" })
	TestPlanSummary importPlan(@PathVariable long eventId, @RequestBody byte[] content,
			@AuthenticationPrincipal SignedInUser user) {
		return this.tests.importPlan(eventId, content, user);
	}

}
