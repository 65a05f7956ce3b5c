package org.connectathon.platform.tracks;

import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.PageMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The track page's sign-up form; a refusal (a CapabilityStatement that cannot be fetched,
 * say) goes back to the page with the reason
 * ({@link org.connectathon.platform.web.PageExceptionHandler}).
 */
@Controller
class SignUpPageController {

	private final SignUpService signUps;

	SignUpPageController(SignUpService signUps) {
		this.signUps = signUps;
	}

	@PostMapping("/tracks/{trackId}/sign-ups")
	String signUp(@PathVariable long trackId, @RequestParam long systemId, @RequestParam String role,
			@RequestParam(required = false) String baseUrl, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		SignUp signUp = this.signUps.signUp(trackId, new SignUpForm(systemId, role, baseUrl), user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE,
				PageMessage.of("track.signUp.done", signUp.systemName(), signUp.roleName()));
		return "redirect:/tracks/" + trackId;
	}

	@PostMapping("/tracks/{trackId}/sign-ups/{signUpId}/withdrawal")
	String withdraw(@PathVariable long trackId, @PathVariable long signUpId, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		this.signUps.withdraw(trackId, signUpId, user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("track.signUp.withdrawn"));
		return "redirect:/tracks/" + trackId;
	}

}
