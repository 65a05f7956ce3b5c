package org.connectathon.platform.tracks;

import java.util.List;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tracks/{trackId}")
class ScenarioResultApiController {

	private final ScenarioResultService results;

	ScenarioResultApiController(ScenarioResultService results) {
		this.results = results;
	}

	/** Every result, each pair's history included, oldest first. */
	@GetMapping("/scenario-results")
	List<ScenarioResult> results(@PathVariable long trackId, @AuthenticationPrincipal SignedInUser user) {
		return this.results.findByTrack(trackId, user);
	}

	/** A participant of the client's or server's organization, or a track lead. */
	@PostMapping("/scenario-results")
	@ResponseStatus(HttpStatus.CREATED)
	ScenarioResult record(@PathVariable long trackId, @RequestBody ScenarioResultForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.results.record(trackId, form, user);
	}

	@GetMapping("/scenario-results/matrix")
	ScenarioResultMatrix matrix(@PathVariable long trackId, @AuthenticationPrincipal SignedInUser user) {
		return this.results.matrix(trackId, user);
	}

}
