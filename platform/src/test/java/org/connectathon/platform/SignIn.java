package org.connectathon.platform;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Requests of a {@link ControllerTest} made by a signed-in user, without a sign-in. */
public final class SignIn {

	private SignIn() {
	}

	public static RequestPostProcessor as(SignedInUser user) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
