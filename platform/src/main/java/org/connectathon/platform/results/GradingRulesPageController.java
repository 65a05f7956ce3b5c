package org.connectathon.platform.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.catalog.QualifiedKeyword;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.Forms;
import org.connectathon.platform.web.PageMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The event's grading rules: everyone in the event reads them, organizers change them.
 * The form sends one row per rule, each with its scope: {@value #WHOLE_EVENT}, a profile
 * ({@code IPS}) or an actor ({@code IPS:CREATOR}); a row without a scope adds nothing.
 */
@Controller
class GradingRulesPageController {

	static final String WHOLE_EVENT = "*";

	private static final String FORM = "rulesForm";

	private final GradingService grading;

	private final EventService events;

	private final CatalogService catalog;

	GradingRulesPageController(GradingService grading, EventService events, CatalogService catalog) {
		this.grading = grading;
		this.events = events;
		this.catalog = catalog;
	}

	@GetMapping("/events/{eventId}/grading-rules")
	String rules(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute(FORM, Map.of());
		return rulesView(eventId, this.grading.findRules(eventId, user), user, model);
	}

	/** A refusal answers the form with the rules as typed. */
	@PostMapping("/events/{eventId}/grading-rules")
	String replaceRules(@PathVariable long eventId, @RequestParam List<String> scope,
			@RequestParam List<Integer> distinctPartnerOrganizations,
			@RequestParam List<Integer> supportiveVerifiedInstances,
			@RequestParam(required = false) Set<Integer> remove, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect, Model model) {
		List<GradingRuleForm> rules = new ArrayList<>();
		for (int row = 0; row < scope.size(); row++) {
			String rowScope = scope.get(row).strip();
			if (rowScope.isEmpty() || (remove != null && remove.contains(row))) {
				continue;
			}
			// a scope is the whole event, a profile, or an actor written PROFILE:ACTOR
			Optional<QualifiedKeyword> actor = QualifiedKeyword.parse(rowScope);
			rules.add(new GradingRuleForm(
					rowScope.equals(WHOLE_EVENT) ? null : actor.map(QualifiedKeyword::profileKeyword).orElse(rowScope),
					actor.map(QualifiedKeyword::keyword).orElse(null), valueAt(distinctPartnerOrganizations, row),
					valueAt(supportiveVerifiedInstances, row)));
		}
		BindingResult result = Forms.unboundForm(FORM, Map.of(), model);
		if (Forms.submit(result, () -> this.grading.replaceRules(eventId, rules, user)).isEmpty()) {
			return rulesView(eventId, rules, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("results.rules.saved"));
		return "redirect:/events/" + eventId + "/grading-rules";
	}

	private String rulesView(long eventId, List<GradingRuleForm> rules, SignedInUser user, Model model) {
		Event event = this.events.find(eventId, user);
		model.addAttribute("event", event);
		model.addAttribute("eventRule",
				rules.stream()
					.filter((rule) -> rule.profile() == null)
					.findFirst()
					.orElse(new GradingRuleForm(null, null, GradingRule.DEFAULT.distinctPartnerOrganizations(),
							GradingRule.DEFAULT.supportiveVerifiedInstances())));
		model.addAttribute("specificRules", rules.stream().filter((rule) -> rule.profile() != null).toList());
		model.addAttribute("scopes", scopes(event));
		return "results/grading-rules";
	}

	/** The profiles of the event and their actors, which a rule can apply to. */
	private List<String> scopes(Event event) {
		List<String> scopes = new ArrayList<>();
		this.catalog.catalog()
			.profiles()
			.stream()
			.filter((entry) -> event.profiles().contains(entry.profile().keyword()))
			.forEach((entry) -> {
				scopes.add(entry.profile().keyword());
				entry.actors().forEach((actor) -> scopes.add(actor.profileKeyword() + ":" + actor.keyword()));
			});
		return scopes;
	}

	/** An empty number field counts as zero, which the rule's own limits then judge. */
	private static int valueAt(List<Integer> values, int row) {
		return (row < values.size() && values.get(row) != null) ? values.get(row) : 0;
	}

}
