package org.connectathon.platform.security;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The sign-in form's password check behind the {@link SignInThrottle}: an attempt that
 * must wait is refused before the password is even looked at.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		// The form login's details hold request.getRemoteAddr(), which honours the
		// forwarded headers only when the platform is configured behind a proxy.
		String address = (attempt.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: "unknown";
		this.throttle.waitBefore(username, address).ifPresent((wait) -> {
			throw new SignInThrottledException(wait);
		});
		try {
			Authentication signedIn = this.passwords.authenticate(attempt);
			this.throttle.recordSuccess(username);
			return signedIn;
		}
		catch (BadCredentialsException wrongPassword) {
			Duration wait = this.throttle.recordFailure(username, address);
			if (!wait.isZero()) {
				throw new SignInThrottledException(wait);
			}
			throw wrongPassword;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Too many failed sign-ins: the next attempt must wait. */
	static final class SignInThrottledException extends AuthenticationException {

		private final Duration wait;

		SignInThrottledException(Duration wait) {
			super("Too many failed sign-ins; wait " + wait.toSeconds() + " s.");
			this.wait = wait;
		}

		/** Whole seconds, rounded up so that waiting them is always enough. */
		long waitSeconds() {
			return (this.wait.toNanos() + 999_999_999L) / 1_000_000_000L;
		}

	}

}
