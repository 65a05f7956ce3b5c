package org.connectathon.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The sign-in form's CSRF token lives in a cookie (its copy in the form must match it),
 * because before the sign-in there is no session to keep it in and a session for every
 * visit of the sign-in page would be a row in the database for anyone to pile up. Every
 * other form's token lives in the signed-in user's session.
 */
final class SignInCsrfTokenRepository implements CsrfTokenRepository {

	private final RequestMatcher signIn = PathPatternRequestMatcher.withDefaults().matcher("/login");

	private final CsrfTokenRepository cookie = signInCookie();

	private final CsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return repository(request).generateToken(request);
	}

	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		repository(request).saveToken(token, request, response);
	}

	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		return repository(request).loadToken(request);
	}

	private CsrfTokenRepository repository(HttpServletRequest request) {
		return this.signIn.matches(request) ? this.cookie : this.session;
	}

	private static CookieCsrfTokenRepository signInCookie() {
		CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
		repository.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		return repository;
	}

}
