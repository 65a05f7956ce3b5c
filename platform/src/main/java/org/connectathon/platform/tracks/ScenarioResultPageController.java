package org.connectathon.platform.tracks;

import java.util.List;

import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.PageMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The track page's form recording a pair's scenario result. */
@Controller
class ScenarioResultPageController {

	private final ScenarioResultService results;

	ScenarioResultPageController(ScenarioResultService results) {
		this.results = results;
	}

	@PostMapping("/tracks/{trackId}/scenario-results")
	String record(@PathVariable long trackId, @RequestParam String scenario, @RequestParam long clientSystemId,
			@RequestParam long serverSystemId, @RequestParam ScenarioResultOutcome result,
			@RequestParam(required = false) String comment, @RequestParam(required = false) String link,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		List<String> links = (link == null || link.isBlank()) ? List.of() : List.of(link.strip());
		ScenarioResult recorded = this.results.record(trackId,
				new ScenarioResultForm(scenario, clientSystemId, serverSystemId, result, comment, links), user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("track.result.done", recorded.result(),
				recorded.scenarioKeyword(), recorded.clientSystemName(), recorded.serverSystemName()));
		return "redirect:/tracks/" + trackId;
	}

}
