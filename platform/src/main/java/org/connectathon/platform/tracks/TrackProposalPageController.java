package org.connectathon.platform.tracks;

import java.util.Optional;

import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.Forms;
import org.connectathon.platform.web.PageMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The track proposal's form, its page with versions and reviews, and the decision. */
@Controller
class TrackProposalPageController {

	private static final String FORM = "form";

	private static final String FORM_VIEW = "tracks/track-proposal-form";

	private final TrackProposalService proposals;

	private final EventService events;

	TrackProposalPageController(TrackProposalService proposals, EventService events) {
		this.proposals = proposals;
		this.events = events;
	}

	@GetMapping("/events/{eventId}/track-proposals/new")
	String initCreationForm(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		model.addAttribute("window", this.proposals.window(eventId, user));
		model.addAttribute("organizes", this.events.organizes(eventId, user));
		model.addAttribute(FORM, TrackProposalPageForm.empty());
		return FORM_VIEW;
	}

	@PostMapping("/events/{eventId}/track-proposals/new")
	String processCreationForm(@PathVariable long eventId, @ModelAttribute(FORM) TrackProposalPageForm form,
			BindingResult result, @RequestParam Optional<String> moreRows, @AuthenticationPrincipal SignedInUser user,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("event", this.events.find(eventId, user));
		model.addAttribute("window", this.proposals.window(eventId, user));
		model.addAttribute("organizes", this.events.organizes(eventId, user));
		if (moreRows.isPresent()) {
			model.addAttribute(FORM, form.withBlankRows(TrackProposalPageForm.BLANK_ROWS + 1));
			return FORM_VIEW;
		}
		return Forms.submit(result, () -> this.proposals.submit(eventId, form.toProposalForm(), user))
			.map((proposal) -> {
				redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("proposal.submitted"));
				return "redirect:/track-proposals/" + proposal.id();
			})
			.orElse(FORM_VIEW);
	}

	@PostMapping("/events/{eventId}/track-proposal-window")
	String changeWindow(@PathVariable long eventId, @ModelAttribute("window") TrackProposalWindow window,
			BindingResult result, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		Forms.submit(result, () -> this.proposals.changeWindow(eventId, window, user))
			.ifPresentOrElse(
					(changed) -> redirect.addFlashAttribute(PageMessage.ATTRIBUTE,
							PageMessage.of("proposal.track.windowChanged", changed.opensOn(), changed.closesOn())),
					() -> redirect.addFlashAttribute("error", String.join(" ",
							result.getAllErrors().stream().map((error) -> error.getDefaultMessage()).toList())));
		return "redirect:/events/" + eventId + "/track-proposals/new";
	}

	@GetMapping("/track-proposals/{id}")
	String proposal(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		TrackProposal proposal = this.proposals.find(id, user);
		model.addAttribute("proposal", proposal);
		model.addAttribute("event", this.events.find(proposal.eventId(), user));
		model.addAttribute("decisions", ReviewDecision.values());
		return "tracks/track-proposal";
	}

	@GetMapping("/track-proposals/{id}/revise")
	String initRevisionForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		TrackProposal proposal = this.proposals.find(id, user);
		model.addAttribute("proposal", proposal);
		model.addAttribute("event", this.events.find(proposal.eventId(), user));
		model.addAttribute(FORM, TrackProposalPageForm.of(proposal.latest().content()));
		return FORM_VIEW;
	}

	@PostMapping("/track-proposals/{id}/revise")
	String processRevisionForm(@PathVariable long id, @ModelAttribute(FORM) TrackProposalPageForm form,
			BindingResult result, @RequestParam Optional<String> moreRows, @AuthenticationPrincipal SignedInUser user,
			Model model, RedirectAttributes redirect) {
		if (moreRows.isPresent()
				|| Forms.submit(result, () -> this.proposals.revise(id, form.toProposalForm(), user)).isEmpty()) {
			TrackProposal proposal = this.proposals.find(id, user);
			model.addAttribute("proposal", proposal);
			model.addAttribute("event", this.events.find(proposal.eventId(), user));
			if (moreRows.isPresent()) {
				model.addAttribute(FORM, form.withBlankRows(TrackProposalPageForm.BLANK_ROWS + 1));
			}
			return FORM_VIEW;
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("proposal.revised"));
		return "redirect:/track-proposals/" + id;
	}

	@PostMapping("/track-proposals/{id}/decision")
	String decide(@PathVariable long id, @ModelAttribute("decision") ReviewDecisionForm decision, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
		if (Forms.submit(result, () -> this.proposals.decide(id, decision, user)).isEmpty()) {
			return proposal(id, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage
			.of((decision.decision() == ReviewDecision.APPROVED) ? "proposal.approved" : "proposal.returned"));
		return "redirect:/track-proposals/" + id;
	}

}
