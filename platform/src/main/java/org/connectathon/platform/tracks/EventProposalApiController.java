package org.connectathon.platform.tracks;

import java.util.List;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/event-proposals")
class EventProposalApiController {

	private final EventProposalService proposals;

	EventProposalApiController(EventProposalService proposals) {
		this.proposals = proposals;
	}

	@GetMapping
	List<EventProposal> proposals(@AuthenticationPrincipal SignedInUser user) {
		return this.proposals.findVisible(user);
	}

	@GetMapping("/{id}")
	EventProposal proposal(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.proposals.find(id, user);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	EventProposal submit(@RequestBody EventProposalForm form, @AuthenticationPrincipal SignedInUser user) {
		return this.proposals.submit(form, user);
	}

	@PutMapping("/{id}")
	EventProposal revise(@PathVariable long id, @RequestBody EventProposalForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.proposals.revise(id, form, user);
	}

	@PostMapping("/{id}/decision")
	EventProposal decide(@PathVariable long id, @RequestBody ReviewDecisionForm decision,
			@AuthenticationPrincipal SignedInUser user) {
		return this.proposals.decide(id, decision, user);
	}

}
