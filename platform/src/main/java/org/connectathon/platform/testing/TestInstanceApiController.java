package org.connectathon.platform.testing;

import org.connectathon.platform.evidence.Evidence;
import org.connectathon.platform.evidence.EvidenceForm;
import org.connectathon.platform.evidence.EvidenceKind;
import org.connectathon.platform.evidence.EvidenceService;
import java.io.IOException;
import java.util.List;

import org.connectathon.platform.ListFilters;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.PagedLists;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api")
class TestInstanceApiController {

	private final TestInstanceService instances;

	private final EvidenceService evidence;

	TestInstanceApiController(TestInstanceService instances, EvidenceService evidence) {
		this.instances = instances;
		this.evidence = evidence;
	}

	@PostMapping("/tests/{testId}/instances")
	@ResponseStatus(HttpStatus.CREATED)
	TestInstance start(@PathVariable long testId, @RequestBody StartForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.instances.start(testId, form, user);
	}

	/**
	 * A page of the event's instances that pass the filters (see
	 * docs/running-an-event.md, Finding things), newest first unless {@code sort} names a
	 * column ({@code id}, {@code test}, {@code status}, {@code started}, {@code changed},
	 * after a {@code -} for descending order); {@code mine=true} keeps those in which the
	 * user's organization takes part. The {@code X-Total-Count} header tells how many
	 * pass.
	 */
	@GetMapping("/events/{eventId}/test-instances")
	ResponseEntity<List<TestInstance>> instances(@PathVariable long eventId,
			@RequestParam(defaultValue = "false") boolean mine, @ParameterObject ListFilters filters,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = PagedLists.DEFAULT_SIZE) int size,
			@AuthenticationPrincipal SignedInUser user) {
		return PagedLists.of(this.instances.findInEvent(eventId, mine, filters, page, size, user));
	}

	@GetMapping("/test-instances/{id}")
	TestInstanceDetails instance(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.evidence.details(id, user);
	}

	@PostMapping("/test-instances/{id}/status")
	TestInstance changeStatus(@PathVariable long id, @RequestBody StatusForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.instances.changeStatus(id, form, user);
	}

	@PostMapping("/test-instances/{id}/critical")
	TestInstance setCritical(@PathVariable long id, @RequestBody CriticalForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.instances.setCritical(id, form, user);
	}

	@PutMapping("/test-instances/{id}/steps/{index}")
	List<StepInstance> changeStep(@PathVariable long id, @PathVariable int index, @RequestBody StepForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.instances.changeStep(id, index, form.status(), user);
	}

	/** A comment or a link, as JSON. */
	@PostMapping(path = "/test-instances/{id}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Evidence addEvidence(@PathVariable long id, @RequestBody EvidenceForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.evidence.add(id, form, user);
	}

	/**
	 * A file, as multipart form data with {@code file}, and optionally {@code kind},
	 * {@code stepIndex}, {@code text}.
	 */
	@PostMapping(path = "/test-instances/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Evidence uploadEvidence(@PathVariable long id, @RequestParam MultipartFile file,
			@RequestParam(defaultValue = "FILE") EvidenceKind kind, @RequestParam(required = false) Integer stepIndex,
			@RequestParam(required = false) String text, @AuthenticationPrincipal SignedInUser user)
			throws IOException {
		return this.evidence.upload(id, stepIndex, kind, file.getOriginalFilename(), file.getContentType(),
				file.getBytes(), text, user);
	}

	@GetMapping("/evidence/{id}/content")
	ResponseEntity<byte[]> content(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.evidence.content(id, user).asDownload();
	}

}
