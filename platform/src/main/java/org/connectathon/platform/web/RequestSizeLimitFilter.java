package org.connectathon.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code connectathon.max-request-bytes} before
 * anything reads it, so an oversize upload costs the node nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private static final long DEFAULT_LIMIT = 5 * 1024 * 1024;

	private final long maximumBytes;

	private final ProblemResponses problems;

	RequestSizeLimitFilter(@Value("${connectathon.max-request-bytes:" + DEFAULT_LIMIT + "}") long maximumBytes,
			ProblemResponses problems) {
		this.maximumBytes = maximumBytes;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maximumBytes) {
			this.problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "The request body has "
					+ request.getContentLengthLong() + " bytes; at most " + this.maximumBytes + " are accepted.");
			return;
		}
		chain.doFilter(request, response);
	}

}
