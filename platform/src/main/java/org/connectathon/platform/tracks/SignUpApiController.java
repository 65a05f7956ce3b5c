package org.connectathon.platform.tracks;

import java.util.List;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class SignUpApiController {

	private final SignUpService signUps;

	SignUpApiController(SignUpService signUps) {
		this.signUps = signUps;
	}

	@GetMapping("/tracks/{trackId}/sign-ups")
	List<SignUp> signUps(@PathVariable long trackId, @AuthenticationPrincipal SignedInUser user) {
		return this.signUps.findByTrack(trackId, user);
	}

	/**
	 * A server's sign-up fetches its CapabilityStatement first, and stores nothing if it
	 * cannot.
	 */
	@PostMapping("/tracks/{trackId}/sign-ups")
	@ResponseStatus(HttpStatus.CREATED)
	SignUp signUp(@PathVariable long trackId, @RequestBody SignUpForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.signUps.signUp(trackId, form, user);
	}

	@DeleteMapping("/tracks/{trackId}/sign-ups/{signUpId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void withdraw(@PathVariable long trackId, @PathVariable long signUpId, @AuthenticationPrincipal SignedInUser user) {
		this.signUps.withdraw(trackId, signUpId, user);
	}

	@GetMapping(path = "/tracks/{trackId}/sign-ups/{signUpId}/capability-statement", produces = "application/fhir+json")
	ResponseEntity<String> capabilityStatement(@PathVariable long trackId, @PathVariable long signUpId,
			@AuthenticationPrincipal SignedInUser user) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/fhir+json;charset=UTF-8"))
			.body(this.signUps.capabilityStatement(trackId, signUpId, user));
	}

	/** The event's signed-up servers claiming all the criteria given. */
	@GetMapping("/events/{eventId}/track-servers")
	List<SignUp> servers(@PathVariable long eventId, @RequestParam(required = false) String resourceType,
			@RequestParam(required = false) String interaction, @RequestParam(required = false) String searchParameter,
			@RequestParam(required = false) String operation, @AuthenticationPrincipal SignedInUser user) {
		return this.signUps.findServers(eventId,
				new SignUpServerSearch(resourceType, interaction, searchParameter, operation), user);
	}

}
