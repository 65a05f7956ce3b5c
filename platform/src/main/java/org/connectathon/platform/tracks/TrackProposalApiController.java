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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TrackProposalApiController {

	private final TrackProposalService proposals;

	TrackProposalApiController(TrackProposalService proposals) {
		this.proposals = proposals;
	}

	@GetMapping("/api/events/{eventId}/track-proposals")
	List<TrackProposal> eventProposals(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.proposals.findVisible(eventId, user);
	}

	@PostMapping("/api/events/{eventId}/track-proposals")
	@ResponseStatus(HttpStatus.CREATED)
	TrackProposal submit(@PathVariable long eventId, @RequestBody TrackProposalForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.proposals.submit(eventId, form, user);
	}

	@GetMapping("/api/events/{eventId}/track-proposal-window")
	TrackProposalWindow window(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.proposals.window(eventId, user);
	}

	@PutMapping("/api/events/{eventId}/track-proposal-window")
	TrackProposalWindow changeWindow(@PathVariable long eventId, @RequestBody TrackProposalWindow window,
			@AuthenticationPrincipal SignedInUser user) {
		return this.proposals.changeWindow(eventId, window, user);
	}

	@GetMapping("/api/track-proposals")
	List<TrackProposal> proposals(@AuthenticationPrincipal SignedInUser user) {
		return this.proposals.findVisible(null, user);
	}

	@GetMapping("/api/track-proposals/{id}")
	TrackProposal proposal(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.proposals.find(id, user);
	}

	@PutMapping("/api/track-proposals/{id}")
	TrackProposal revise(@PathVariable long id, @RequestBody TrackProposalForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.proposals.revise(id, form, user);
	}

	@PostMapping("/api/track-proposals/{id}/decision")
	TrackProposal decide(@PathVariable long id, @RequestBody ReviewDecisionForm decision,
			@AuthenticationPrincipal SignedInUser user) {
		return this.proposals.decide(id, decision, user);
	}

}
