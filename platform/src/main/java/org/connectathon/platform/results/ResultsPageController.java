package org.connectathon.platform.results;

import java.util.Arrays;
import java.util.List;

import org.connectathon.platform.ListPage;
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

/**
 * The results of an event, as a matrix and as a list, organizers' overrides and
 * publication, and the public pages.
 */
@Controller
class ResultsPageController {

	/**
	 * Registrations on a page of the list: a screenful or two, quick to render; the CSV
	 * and the API hold them all.
	 */
	static final int PAGE_SIZE = 100;

	private static final String OVERRIDE_FORM = "overrideForm";

	private final GradingService grading;

	private final EventService events;

	ResultsPageController(GradingService grading, EventService events) {
		this.grading = grading;
		this.events = events;
	}

	/** The matrix, organizations and systems down, profiles and actors across. */
	@GetMapping("/events/{eventId}/results")
	String results(@PathVariable long eventId, @RequestParam(required = false) String profile,
			@RequestParam(required = false) String organization, @AuthenticationPrincipal SignedInUser user,
			Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		ResultsFilter filter = new ResultsFilter(profile, organization);
		List<RegistrationResult> results = this.grading.matrix(eventId, user);
		addFilter(model, filter, results);
		model.addAttribute("matrix", ResultsMatrix.of(filter.apply(results)));
		model.addAttribute("grades", Arrays.asList(Grade.values()));
		if (user.isAdmin()) {
			model.addAttribute("published", this.grading.isPublished(eventId));
			model.addAttribute("publicationChanges", this.grading.publicationChanges(eventId, user));
		}
		return "results/matrix";
	}

	/**
	 * The same results as a list of registrations with what each grade was computed from.
	 */
	@GetMapping("/events/{eventId}/results/list")
	String list(@PathVariable long eventId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String profile, @RequestParam(required = false) String organization,
			@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		ResultsFilter filter = new ResultsFilter(profile, organization);
		List<RegistrationResult> results = this.grading.matrix(eventId, user);
		addFilter(model, filter, results);
		model.addAttribute("results", ListPage.of(filter.apply(results), page, PAGE_SIZE));
		return "results/list";
	}

	/**
	 * The filter and what it may choose among: the profiles and organizations of all the
	 * results.
	 */
	private static void addFilter(Model model, ResultsFilter filter, List<? extends MatrixEntry> results) {
		model.addAttribute("filter", filter);
		model.addAttribute("filterProfiles", ResultsFilter.profiles(results));
		model.addAttribute("filterOrganizations", ResultsFilter.organizations(results));
	}

	@GetMapping("/events/{eventId}/results/{registrationId}/history")
	String history(@PathVariable long eventId, @PathVariable long registrationId,
			@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute(OVERRIDE_FORM, new OverrideForm(null, ""));
		return historyView(eventId, registrationId, user, model);
	}

	/** From the registration's history page, where the form is, and back to it. */
	@PostMapping("/events/{eventId}/results/{registrationId}/override")
	String override(@PathVariable long eventId, @PathVariable long registrationId,
			@ModelAttribute(OVERRIDE_FORM) OverrideForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		if (Forms.submit(result, () -> this.grading.override(eventId, registrationId, form, user)).isEmpty()) {
			return historyView(eventId, registrationId, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("results.grade.saved"));
		return "redirect:/events/" + eventId + "/results/" + registrationId + "/history";
	}

	private String historyView(long eventId, long registrationId, SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		model.addAttribute("result", this.grading.result(eventId, registrationId, user));
		model.addAttribute("changes", this.grading.history(eventId, registrationId, user));
		model.addAttribute("grades", Arrays.asList(Grade.values()));
		return "results/history";
	}

	@PostMapping("/events/{eventId}/results/publication")
	String publish(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		this.grading.publish(eventId, user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("results.published"));
		return "redirect:/public/events/" + eventId + "/results";
	}

	@PostMapping("/events/{eventId}/results/publication/withdrawal")
	String withdraw(@PathVariable long eventId, @RequestParam String reason, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		this.grading.withdraw(eventId, new WithdrawalForm(reason), user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("results.withdrawn"));
		return "redirect:/events/" + eventId + "/results";
	}

	@GetMapping("/public/events/{eventId}/results")
	String publication(@PathVariable long eventId, @RequestParam(required = false) String profile,
			@RequestParam(required = false) String organization, Model model) {
		Publication publication = this.grading.publication(eventId);
		ResultsFilter filter = new ResultsFilter(profile, organization);
		model.addAttribute("publication", publication);
		addFilter(model, filter, publication.results());
		model.addAttribute("matrix", ResultsMatrix.of(filter.apply(publication.results())));
		model.addAttribute("grades", Arrays.asList(Grade.values()));
		return "results/public";
	}

	@GetMapping("/public/events/{eventId}/results/list")
	String publicationList(@PathVariable long eventId, @RequestParam(required = false) String profile,
			@RequestParam(required = false) String organization, Model model) {
		Publication publication = this.grading.publication(eventId);
		ResultsFilter filter = new ResultsFilter(profile, organization);
		model.addAttribute("publication", publication);
		addFilter(model, filter, publication.results());
		model.addAttribute("results", filter.apply(publication.results()));
		return "results/public-list";
	}

}
