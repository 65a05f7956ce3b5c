package org.connectathon.platform.tracks;

import java.util.List;

import org.connectathon.platform.event.EventService;
import org.connectathon.platform.registration.RegisteredSystem;
import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An event's tracks, the servers signed up to them, and each track's page: leads, roles
 * with their sign-ups and what each server claims, scenarios with their results matrix,
 * and the feedback on the specification. The forms on it post to the sign-up, result and
 * feedback page controllers.
 */
@Controller
class TrackPageController {

	private final TrackService tracks;

	private final SignUpService signUps;

	private final ScenarioResultService results;

	private final FeedbackService feedback;

	private final SystemService systems;

	private final EventService events;

	TrackPageController(TrackService tracks, SignUpService signUps, ScenarioResultService results,
			FeedbackService feedback, SystemService systems, EventService events) {
		this.tracks = tracks;
		this.signUps = signUps;
		this.results = results;
		this.feedback = feedback;
		this.systems = systems;
		this.events = events;
	}

	@GetMapping("/events/{eventId}/tracks")
	String tracks(@PathVariable long eventId, @RequestParam(required = false) String resourceType,
			@RequestParam(required = false) String interaction, @RequestParam(required = false) String operation,
			@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		model.addAttribute("tracks", this.tracks.findInEvent(eventId, user));
		SignUpServerSearch search = new SignUpServerSearch(resourceType, interaction, null, operation);
		model.addAttribute("search", search);
		model.addAttribute("servers", this.signUps.findServers(eventId, search, user));
		return "tracks/tracks";
	}

	/**
	 * The event page's link to its tracks, loaded by htmx; empty for an event without
	 * any.
	 */
	@GetMapping("/events/{eventId}/tracks-link")
	String tracksLink(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("eventId", eventId);
		model.addAttribute("trackCount", this.tracks.findInEvent(eventId, user).size());
		return "tracks/tracks-link";
	}

	@GetMapping("/tracks/{trackId}")
	String track(@PathVariable long trackId, @AuthenticationPrincipal SignedInUser user, Model model) {
		Track track = this.tracks.find(trackId, user);
		List<SignUp> signedUp = this.signUps.findByTrack(trackId, user);
		model.addAttribute("track", track);
		model.addAttribute("event", this.events.find(track.eventId(), user));
		model.addAttribute("leads", this.tracks.leadNames(track));
		model.addAttribute("lead", this.tracks.maySteer(track, user));
		model.addAttribute("signUps", signedUp);
		model.addAttribute("ownSystems",
				(user.organizationId() != null) ? this.systems.findOfOrganization(user.organizationId(), user)
					.stream()
					.filter((system) -> system.eventId() == track.eventId())
					.toList() : List.<RegisteredSystem>of());
		model.addAttribute("matrix", this.results.matrix(trackId, user));
		model.addAttribute("feedback", this.feedback.findByTrack(trackId, user));
		model.addAttribute("outcomes", ScenarioResultOutcome.values());
		model.addAttribute("feedbackTypes", FeedbackType.values());
		model.addAttribute("triages", FeedbackTriage.values());
		return "tracks/track";
	}

}
