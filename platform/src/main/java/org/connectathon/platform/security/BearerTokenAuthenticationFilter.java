package org.connectathon.platform.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in API calls that carry {@code Authorization: Bearer <token>}. A missing or
 * unknown token leaves the request anonymous, so the API's entry point answers 401; an
 * expired token, or one of a disabled account, is refused at once through the same entry
 * point, with the reason.
 */
class BearerTokenAuthenticationFilter extends OncePerRequestFilter {

	private static final String SCHEME = "Bearer ";

	private final ApiTokenService tokens;

	private final AuthenticationEntryPoint refusal;

	BearerTokenAuthenticationFilter(ApiTokenService tokens, AuthenticationEntryPoint refusal) {
		this.tokens = tokens;
		this.refusal = refusal;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			Optional<SignedInUser> user;
			try {
				user = this.tokens.authenticate(header.substring(SCHEME.length()).strip());
			}
			catch (AccountStatusException refused) {
				this.refusal.commence(request, response, refused);
				return;
			}
			user.ifPresent((signedIn) -> SecurityContextHolder.getContext()
				.setAuthentication(
						UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities())));
		}
		chain.doFilter(request, response);
	}

}
