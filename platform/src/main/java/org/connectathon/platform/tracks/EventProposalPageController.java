package org.connectathon.platform.tracks;

import java.util.Optional;

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

/** The event proposal's form, its page with versions and reviews, and the decision. */
@Controller
class EventProposalPageController {

	private static final String FORM = "form";

	private static final String FORM_VIEW = "tracks/event-proposal-form";

	private final EventProposalService proposals;

	EventProposalPageController(EventProposalService proposals) {
		this.proposals = proposals;
	}

	@GetMapping("/event-proposals/new")
	String initCreationForm(Model model) {
		model.addAttribute(FORM, EventProposalPageForm.empty());
		return FORM_VIEW;
	}

	@PostMapping("/event-proposals/new")
	String processCreationForm(@ModelAttribute(FORM) EventProposalPageForm form, BindingResult result,
			@RequestParam Optional<String> moreRows, @AuthenticationPrincipal SignedInUser user, Model model,
			RedirectAttributes redirect) {
		if (moreRows.isPresent()) {
			model.addAttribute(FORM, form.withBlankRows(TrackProposalPageForm.BLANK_ROWS + 1));
			return FORM_VIEW;
		}
		return Forms.submit(result, () -> this.proposals.submit(form.toProposalForm(), user)).map((proposal) -> {
			redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("proposal.submitted"));
			return "redirect:/event-proposals/" + proposal.id();
		}).orElse(FORM_VIEW);
	}

	@GetMapping("/event-proposals/{id}")
	String proposal(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("proposal", this.proposals.find(id, user));
		model.addAttribute("decisions", ReviewDecision.values());
		return "tracks/event-proposal";
	}

	@GetMapping("/event-proposals/{id}/revise")
	String initRevisionForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		EventProposal proposal = this.proposals.find(id, user);
		model.addAttribute("proposal", proposal);
		model.addAttribute(FORM, EventProposalPageForm.of(proposal.latest().content()));
		return FORM_VIEW;
	}

	@PostMapping("/event-proposals/{id}/revise")
	String processRevisionForm(@PathVariable long id, @ModelAttribute(FORM) EventProposalPageForm form,
			BindingResult result, @RequestParam Optional<String> moreRows, @AuthenticationPrincipal SignedInUser user,
			Model model, RedirectAttributes redirect) {
		if (moreRows.isPresent()
				|| Forms.submit(result, () -> this.proposals.revise(id, form.toProposalForm(), user)).isEmpty()) {
			model.addAttribute("proposal", this.proposals.find(id, user));
			if (moreRows.isPresent()) {
				model.addAttribute(FORM, form.withBlankRows(TrackProposalPageForm.BLANK_ROWS + 1));
			}
			return FORM_VIEW;
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("proposal.revised"));
		return "redirect:/event-proposals/" + id;
	}

	@PostMapping("/event-proposals/{id}/decision")
	String decide(@PathVariable long id, @ModelAttribute("decision") ReviewDecisionForm decision, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
		if (Forms.submit(result, () -> this.proposals.decide(id, decision, user)).isEmpty()) {
			return proposal(id, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage
			.of((decision.decision() == ReviewDecision.APPROVED) ? "proposal.approved" : "proposal.returned"));
		return "redirect:/event-proposals/" + id;
	}

}
