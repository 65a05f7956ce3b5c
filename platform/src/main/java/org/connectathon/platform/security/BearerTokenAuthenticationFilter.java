package org.connectathon.platform.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in API calls that carry {@code Authorization: Bearer <token>}. A missing or
 * unknown token leaves the request anonymous, so the API's entry point answers 401.
 */
class BearerTokenAuthenticationFilter extends OncePerRequestFilter {

	private static final String SCHEME = "Bearer ";

	private final ApiTokenService tokens;

	BearerTokenAuthenticationFilter(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			Optional<SignedInUser> user = this.tokens.authenticate(header.substring(SCHEME.length()).strip());
			user.ifPresent((signedIn) -> SecurityContextHolder.getContext()
				.setAuthentication(
						UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities())));
		}
		chain.doFilter(request, response);
	}

}
