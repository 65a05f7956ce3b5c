package org.connectathon.platform.automation;

import java.net.URI;
import java.util.List;

import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.TestInstance;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class AutomationApiController {

	private final TestScriptLibrary scripts;

	private final AutomationService automation;

	AutomationApiController(TestScriptLibrary scripts, AutomationService automation) {
		this.scripts = scripts;
		this.automation = automation;
	}

	@GetMapping("/events/{eventId}/test-scripts")
	List<EventTestScript> scripts(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.scripts.findInEvent(eventId, user);
	}

	/**
	 * Adds a TestScript (R4 or R5, JSON or XML, fixtures contained) sent as the request
	 * body, or replaces the event's script with the same id; organizers only. Each
	 * {@code ig} ({@code NAME#VERSION}, in the package cache) provides profiles for its
	 * validateProfileId asserts.
	 */
	@PostMapping(path = "/events/{eventId}/test-scripts", consumes = { "application/fhir+json", "application/json",
			"application/fhir+xml", "application/xml", "text/xml", "text/plain", "application/octet-stream" })
	ResponseEntity<EventTestScript> upload(@PathVariable long eventId, @RequestParam(required = false) String fileName,
			@RequestParam(name = "ig", required = false) @Nullable List<String> implementationGuides,
			@RequestBody byte[] content, @AuthenticationPrincipal SignedInUser user) {
		EventTestScript script = this.scripts.upload(eventId, fileName, content,
				(implementationGuides != null) ? implementationGuides : List.of(), user);
		return ResponseEntity.created(URI.create("/api/test-scripts/" + script.id())).body(script);
	}

	@GetMapping("/test-scripts/{id}")
	EventTestScript script(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.scripts.find(id, user);
	}

	/** The script's file as it was uploaded. */
	@GetMapping("/test-scripts/{id}/content")
	ResponseEntity<byte[]> content(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return download(this.scripts.find(id, user), this.scripts.content(id, user));
	}

	@DeleteMapping("/test-scripts/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		this.scripts.delete(id, user);
	}

	/** The instance's steps that the engine runs, each with its latest run. */
	@GetMapping("/test-instances/{id}/automated-steps")
	List<AutomatedStep> automatedSteps(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.automation.automatedSteps(id, user);
	}

	@GetMapping("/test-instances/{id}/script-runs")
	List<ScriptRun> runs(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.automation.findRuns(id, user);
	}

	/**
	 * Queues a run of the step's TestScript; follow it at the run's address until its
	 * status is passed, failed or error.
	 */
	@PostMapping("/test-instances/{id}/steps/{index}/runs")
	ResponseEntity<ScriptRun> startRun(@PathVariable long id, @PathVariable int index,
			@AuthenticationPrincipal SignedInUser user) {
		ScriptRun run = this.automation.startRun(id, index, user);
		return ResponseEntity.accepted().location(URI.create("/api/script-runs/" + run.id())).body(run);
	}

	@GetMapping("/script-runs/{id}")
	ScriptRun run(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.automation.findRun(id, user);
	}

	/**
	 * A monitor verifies the instance in one action on its passing TestReports.
	 */
	@PostMapping("/test-instances/{id}/confirm-passing-report")
	TestInstance confirmPassingReport(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.automation.confirmPassingReports(id, user);
	}

	/** A script file, typed by its first character: XML or else JSON. */
	static ResponseEntity<byte[]> download(EventTestScript script, byte[] content) {
		boolean xml = content.length > 0
				&& new String(content, 0, Math.min(content.length, 200), java.nio.charset.StandardCharsets.UTF_8)
					.stripLeading()
					.startsWith("<");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(xml ? "application/fhir+xml" : "application/fhir+json"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(script.fileName()).build().toString())
			.body(content);
	}

}
