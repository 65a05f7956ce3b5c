package org.connectathon.platform.security;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInController {

	/** Beyond two minutes a wait reads better in minutes. */
	private static final long SECONDS_SHOWN_AT_MOST = 120;

	/**
	 * The sign-in form; {@code wait} is the seconds a throttled attempt must wait (see
	 * {@link SignInThrottle}).
	 */
	@GetMapping("/login")
	String signIn(@RequestParam(required = false) @Nullable Long wait, Model model) {
		if (wait != null && wait > 0) {
			if (wait > SECONDS_SHOWN_AT_MOST) {
				model.addAttribute("waitMinutes", (wait + 59) / 60);
			}
			else {
				model.addAttribute("waitSeconds", wait);
			}
		}
		return "security/login";
	}

}
