package org.connectathon.platform.monitoring;

import java.util.List;

import org.connectathon.platform.ListPage;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class MonitoringApiController {

	private final MonitoringService monitoring;

	MonitoringApiController(MonitoringService monitoring) {
		this.monitoring = monitoring;
	}

	@GetMapping("/monitors")
	List<Monitor> monitors(@AuthenticationPrincipal SignedInUser user) {
		return this.monitoring.findMonitors(user);
	}

	@GetMapping("/tests/{testId}/monitors")
	List<Long> assignedMonitors(@PathVariable long testId, @AuthenticationPrincipal SignedInUser user) {
		return this.monitoring.findAssignedMonitorIds(testId, user);
	}

	/** Replaces the test's monitors with these user ids. */
	@PutMapping("/tests/{testId}/monitors")
	List<Long> assign(@PathVariable long testId, @RequestBody List<Long> monitorIds,
			@AuthenticationPrincipal SignedInUser user) {
		return this.monitoring.assign(testId, monitorIds, user);
	}

	/**
	 * A page of the worklist ({@value MonitoringService#WORKLIST_PAGE_SIZE} instances,
	 * from page 0); the {@code X-Total-Count} header says how many wait in all.
	 */
	@GetMapping("/events/{eventId}/worklist")
	ResponseEntity<List<WorklistEntry>> worklist(@PathVariable long eventId, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal SignedInUser user) {
		ListPage<WorklistEntry> worklist = this.monitoring.worklist(eventId, page, user);
		return ResponseEntity.ok().header("X-Total-Count", Integer.toString(worklist.total())).body(worklist.items());
	}

	@PostMapping("/test-instances/{id}/claim")
	Claim claim(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.monitoring.claim(id, user);
	}

	@DeleteMapping("/test-instances/{id}/claim")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void release(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		this.monitoring.release(id, user);
	}

	@GetMapping("/test-instances/{id}/step-verdicts")
	List<StepVerdictRecord> stepVerdicts(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.monitoring.findStepVerdicts(id, user);
	}

	@PutMapping("/test-instances/{id}/step-verdicts/{index}")
	List<StepVerdictRecord> judgeStep(@PathVariable long id, @PathVariable int index, @RequestBody StepVerdictForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.monitoring.judgeStep(id, index, form, user);
	}

	@PostMapping("/test-instances/{id}/verdict")
	TestInstance judge(@PathVariable long id, @RequestBody VerdictForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.monitoring.judge(id, form, user);
	}

}
