package org.connectathon.platform.evidence;

import java.util.List;

import org.connectathon.platform.ListFilters;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.PagedLists;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event's evidence in the JSON API; an instance's evidence comes with the instance.
 */
@RestController
@RequestMapping("/api")
class EvidenceApiController {

	private final EvidenceService evidence;

	EvidenceApiController(EvidenceService evidence) {
		this.evidence = evidence;
	}

	/**
	 * A page of the event's evidence that the caller may see and that passes the filters
	 * (see docs/running-an-event.md, Finding things; {@code type} is the evidence's
	 * kind), newest first unless {@code sort} names a column ({@code id},
	 * {@code instance}, {@code test}, {@code status}, {@code kind}, {@code name},
	 * {@code added}, after a {@code -} for descending order). The {@code X-Total-Count}
	 * header tells how many pass.
	 */
	@GetMapping("/events/{eventId}/evidence")
	ResponseEntity<List<ListedEvidence>> evidence(@PathVariable long eventId, @ParameterObject ListFilters filters,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = PagedLists.DEFAULT_SIZE) int size,
			@AuthenticationPrincipal SignedInUser user) {
		return PagedLists.of(this.evidence.findInEvent(eventId, filters, page, size, user));
	}

}
