package org.connectathon.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every request body to the limit of its endpoint (the recording proxy, which
 * answers ahead of this filter, holds proxied bodies to its own), however it is sent: a
 * declared {@code Content-Length} over the limit is refused before anything reads the
 * body; a body sent in chunks is counted as it is read and refused as soon as it passes
 * the limit, before the rest is read. The answer is 413 in the endpoint's own form:
 * problem JSON on {@code /api}, an OperationOutcome on the FHIR servers ({@code /fhir}
 * and the hosted reference servers under {@code /reference}), an error page elsewhere.
 * <p>
 * Multipart and form bodies are parsed by Tomcat itself, not through this filter's
 * stream: {@code spring.servlet.multipart.*} and
 * {@code server.tomcat.max-http-form-post-size} hold them while they are read (see
 * docs/security.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	/** The error page shows the limit from this request attribute. */
	static final String LIMIT_ATTRIBUTE = "maximumBytes";

	private final long requestBodyBytes;

	private final long validationBodyBytes;

	private final long packageBodyBytes;

	private final ProblemResponses problems;

	RequestSizeLimitFilter(@Value("${connectathon.limits.request-body:5MB}") DataSize requestBody,
			@Value("${connectathon.limits.validation-body:10MB}") DataSize validationBody,
			@Value("${connectathon.limits.package-body:50MB}") DataSize packageBody, ProblemResponses problems) {
		this.requestBodyBytes = requestBody.toBytes();
		this.validationBodyBytes = validationBody.toBytes();
		this.packageBodyBytes = packageBody.toBytes();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long maximumBytes = limitFor(pathOf(request));
		if (request.getContentLengthLong() > maximumBytes) {
			refuse(request, response, "The request body has " + request.getContentLengthLong() + " bytes; at most "
					+ maximumBytes + " are accepted here.", maximumBytes);
			return;
		}
		try {
			chain.doFilter(new LimitedRequest(request, maximumBytes), response);
		}
		catch (ServletException | RuntimeException exception) {
			if (RequestBodyTooLargeException.in(exception).isEmpty() || response.isCommitted()) {
				throw exception;
			}
			response.reset();
			refuse(request, response, RequestBodyTooLargeException.in(exception).get().getMessage(), maximumBytes);
		}
	}

	/**
	 * Packages are the largest bodies; resources to validate and FHIR requests (a
	 * transaction loading test data) come next; everything else (JSON, forms, catalog and
	 * test plan files, evidence) shares the smallest limit.
	 */
	private long limitFor(String path) {
		if (path.equals("/api/packages")) {
			return this.packageBodyBytes;
		}
		if (path.equals("/api/validate") || path.equals("/validate") || isFhir(path)) {
			return this.validationBodyBytes;
		}
		return this.requestBodyBytes;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String detail, long maximumBytes)
			throws IOException {
		String path = pathOf(request);
		if (path.startsWith("/api/")) {
			this.problems.write(response, HttpStatus.CONTENT_TOO_LARGE, detail);
		}
		else if (isFhir(path)) {
			this.problems.writeOperationOutcome(response, HttpStatus.CONTENT_TOO_LARGE, "too-costly", detail);
		}
		else {
			request.setAttribute(LIMIT_ATTRIBUTE, maximumBytes);
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
		}
	}

	private static boolean isFhir(String path) {
		return path.startsWith("/fhir/") || path.startsWith("/reference/");
	}

	private static String pathOf(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/** The request with its body stream counted against the limit. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long maximumBytes;

		private ServletInputStream body;

		LimitedRequest(HttpServletRequest request, long maximumBytes) {
			super(request);
			this.maximumBytes = maximumBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				this.body = new LimitedInputStream(super.getInputStream(), this.maximumBytes);
			}
			return this.body;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream body;

		private final long maximumBytes;

		private long bytesRead;

		LimitedInputStream(ServletInputStream body, long maximumBytes) {
			this.body = body;
			this.maximumBytes = maximumBytes;
		}

		@Override
		public int read() throws IOException {
			int next = this.body.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.body.read(buffer, offset, length);
			if (read > 0) {
				count(read);
			}
			return read;
		}

		private void count(int bytes) {
			this.bytesRead += bytes;
			if (this.bytesRead > this.maximumBytes) {
				throw new RequestBodyTooLargeException(this.maximumBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

	}

}
