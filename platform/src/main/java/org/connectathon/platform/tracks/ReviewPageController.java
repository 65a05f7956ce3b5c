package org.connectathon.platform.tracks;

import java.util.List;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The proposals page: the reviewers' queue, each proposal with its criteria met or
 * missing, and everyone's own proposals.
 */
@Controller
class ReviewPageController {

	private final EventProposalService eventProposals;

	private final TrackProposalService trackProposals;

	ReviewPageController(EventProposalService eventProposals, TrackProposalService trackProposals) {
		this.eventProposals = eventProposals;
		this.trackProposals = trackProposals;
	}

	@GetMapping("/proposals")
	String proposals(@AuthenticationPrincipal SignedInUser user, Model model) {
		List<EventProposal> events = this.eventProposals.findVisible(user);
		List<TrackProposal> tracks = this.trackProposals.findVisible(null, user);
		model.addAttribute("waitingEvents",
				events.stream().filter((proposal) -> proposal.status() == ReviewStatus.SUBMITTED).toList());
		model.addAttribute("waitingTracks",
				tracks.stream().filter((proposal) -> proposal.status() == ReviewStatus.SUBMITTED).toList());
		model.addAttribute("eventProposals", events);
		model.addAttribute("trackProposals", tracks);
		model.addAttribute("reviewer", EventProposalService.seesAll(user));
		return "tracks/proposals";
	}

}
