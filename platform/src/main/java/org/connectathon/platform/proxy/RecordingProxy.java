package org.connectathon.platform.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ca.uhn.fhir.context.FhirContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.util.Timeout;
import org.connectathon.engine.outbound.RefusedAddressException;
import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.proxy.ProxyRoutes.ProxyRoute;
import org.connectathon.platform.proxy.SenderIdentifier.Sender;
import org.connectathon.platform.security.OutboundAddresses;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The recording proxy: forwards whatever a client sends to
 * {@code /proxy/{eventId}/{endpointId}/rest} to the endpoint's base URL + rest, and
 * streams the answer back, through the event's outbound client (so the outbound address
 * policy judges the address actually connected to, and no redirect is followed). Bodies
 * stream both ways and are never held whole; a capture keeps their first bytes. Every
 * exchange to a known proxy address becomes a capture handed to the
 * {@link CaptureRecorder}, a failed one included; the answer never waits for storage.
 * Failures of the proxy itself are answered with an OperationOutcome.
 * <p>
 * A filter ahead of every other, mapped to {@code /proxy/*}, that answers the exchange
 * itself and never passes it on: no MVC interceptor, argument resolver or parameter
 * parsing may read or judge a body that only passes through, and Spring's and Spring
 * Security's filters, which decide nothing for a proxied exchange, cost it nothing. What
 * those filters gave the proxy it does itself: Spring Security's firewall refuses a path
 * that is not normalized or hides separators in encodings, and the answer carries the
 * platform's security headers ({@link ProxyHeaders#writePlatformHeaders}). The container
 * maps the filter on the normalized path, so a request that leaves {@code /proxy/}
 * ({@code /proxy/../api}) never reaches it and passes every filter as any other request.
 */
final class RecordingProxy extends HttpFilter {

	private static final long serialVersionUID = 1L;

	private static final Log logger = LogFactory.getLog(RecordingProxy.class);

	private static final Pattern ADDRESS = Pattern.compile("([0-9]{1,18})/([0-9]{1,18})(/.*)?");

	/**
	 * Characters Tomcat lets through in a query (FHIR's {@code system|code}) that a URI
	 * may not hold.
	 */
	private static final Pattern UNSAFE_QUERY_CHARACTERS = Pattern.compile("[|\\[\\]{}]");

	private static final int BUFFER_BYTES = 8192;

	/**
	 * The firewall Spring Security puts in front of every other path: the proxy forwards
	 * the path as it came, so a {@code ..} or an encoded slash would leave the endpoint's
	 * base URL on the endpoint's host.
	 */
	private static final HttpFirewall FIREWALL = new StrictHttpFirewall();

	private final transient ProxyRoutes routes;

	private final transient SenderIdentifier senders;

	private final transient OutboundAddresses outbound;

	private final transient CaptureRecorder recorder;

	private final transient ProxyAddresses addresses;

	private final transient ProxySettings settings;

	RecordingProxy(ProxyRoutes routes, SenderIdentifier senders, OutboundAddresses outbound, CaptureRecorder recorder,
			ProxyAddresses addresses, ProxySettings settings) {
		this.routes = routes;
		this.senders = senders;
		this.outbound = outbound;
		this.recorder = recorder;
		this.addresses = addresses;
		this.settings = settings;
	}

	/** Answers the exchange; the rest of the chain is never called. */
	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain rest)
			throws IOException {
		ProxyHeaders.writePlatformHeaders(request, response);
		HttpServletRequest checked;
		Exchange exchange;
		try {
			checked = FIREWALL.getFirewalledRequest(request);
			String path = checked.getRequestURI().substring(checked.getContextPath().length());
			String address = (path.length() > ProxyAddresses.PREFIX.length())
					? path.substring(ProxyAddresses.PREFIX.length()) : "";
			Matcher parts = ADDRESS.matcher(address);
			Optional<ProxyRoute> route = parts.matches()
					? this.routes.find(Long.parseLong(parts.group(1)), Long.parseLong(parts.group(2)))
					: Optional.empty();
			if (route.isEmpty()) {
				// Nothing to record it under: a capture belongs to an event's endpoint.
				writeOutcome(response, HttpServletResponse.SC_NOT_FOUND, IssueType.NOTFOUND,
						"CTN-6001: There is no proxy address " + ProxyAddresses.PREFIX + firstTwoSegments(address)
								+ " of an open or running event; ask your partner for the proxy address on their system's page.");
				return;
			}
			if (route.get().protocol() == Protocol.HL7V2) {
				writeOutcome(response, HttpServletResponse.SC_NOT_FOUND, IssueType.NOTFOUND,
						"CTN-6008: " + ProxyAddresses.PREFIX + firstTwoSegments(address)
								+ " is an HL7 v2 endpoint, which the platform relays over MLLP, not HTTP; send its"
								+ " messages to the MLLP address on the system's page.");
				return;
			}
			// The firewall checks each header as it is read, which the exchange does
			// first.
			exchange = new Exchange(route.get(), checked, (parts.group(3) != null) ? parts.group(3) : "",
					this.settings.maximumCapturedBytes());
		}
		catch (RequestRejectedException rejected) {
			// Refused as every other path of the platform refuses it, before it is
			// forwarded.
			writeOutcome(response, HttpServletResponse.SC_BAD_REQUEST, IssueType.INVALID,
					"CTN-6006: The request's address or headers are refused: " + rejected.getMessage());
			return;
		}
		try {
			forward(exchange, checked, response);
		}
		catch (ClientAnswerAbandoned abandoned) {
			throw abandoned;
		}
		catch (RuntimeException unexpected) {
			logger.error("The proxy failed on " + exchange.method + " " + exchange.upstreamUrl, unexpected);
			exchange.fail("The proxy failed: " + unexpected.getClass().getSimpleName());
			if (!response.isCommitted()) {
				answerFailure(exchange, response, HttpServletResponse.SC_BAD_GATEWAY, IssueType.EXCEPTION,
						"CTN-6007: The proxy failed while forwarding the request; the capture records it.");
			}
		}
		finally {
			this.recorder.record(exchange.capture());
		}
	}

	private void forward(Exchange exchange, HttpServletRequest request, HttpServletResponse response) {
		long declaredLength = request.getContentLengthLong();
		long maximumBytes = this.settings.maximumRequestBytes();
		if (declaredLength > maximumBytes) {
			answerFailure(exchange, response, 413, IssueType.TOOCOSTLY, "CTN-6005: The request body has "
					+ declaredLength + " bytes; the proxy forwards at most " + maximumBytes + ".");
			return;
		}
		URI upstreamUri;
		try {
			upstreamUri = URI.create(exchange.upstreamUrl);
		}
		catch (IllegalArgumentException malformed) {
			answerFailure(exchange, response, HttpServletResponse.SC_BAD_REQUEST, IssueType.INVALID,
					"CTN-6006: The request's path or query is not a valid URL: " + malformed.getMessage());
			return;
		}
		HttpUriRequestBase upstreamRequest = new HttpUriRequestBase(exchange.method, upstreamUri);
		Timeout timeout = Timeout.of(this.settings.timeout());
		upstreamRequest
			.setConfig(RequestConfig.custom().setResponseTimeout(timeout).setConnectionRequestTimeout(timeout).build());
		List<String> connectionTokens = ProxyHeaders
			.connectionTokens(Collections.list(request.getHeaders("Connection")));
		for (String name : Collections.list(request.getHeaderNames())) {
			if (ProxyHeaders.forwarded(name, connectionTokens)) {
				for (String value : Collections.list(request.getHeaders(name))) {
					upstreamRequest.addHeader(name, value);
				}
			}
		}
		CountedRequestBody body = null;
		if (declaredLength != 0) {
			try {
				body = new CountedRequestBody(request.getInputStream(), exchange.requestBody, maximumBytes);
				// Without a Content-Length the body is chunked or absent: the container
				// tells which only by giving a first byte or the end at once.
				if (declaredLength < 0 && !body.hasContent()) {
					body = null;
				}
			}
			catch (IOException unreadable) {
				answerFailure(exchange, response, HttpServletResponse.SC_BAD_REQUEST, IssueType.INCOMPLETE,
						"CTN-6006: The request body could not be read: " + describe(unreadable));
				return;
			}
		}
		if (body != null) {
			upstreamRequest.setEntity(new InputStreamEntity(body, declaredLength, null));
		}
		ClassicHttpResponse upstream;
		try {
			upstream = this.outbound.httpClient(exchange.route.allowPrivateAddresses())
				.executeOpen(null, upstreamRequest, null);
		}
		catch (IOException failure) {
			answerUpstreamFailure(exchange, response, body, failure);
			return;
		}
		exchange.answered();
		try (upstream) {
			relay(exchange, upstreamRequest, upstream, response);
		}
		catch (IOException closing) {
			logger.debug("Could not close the upstream answer", closing);
		}
	}

	/** Copies the upstream's answer to the client, status and headers first. */
	private void relay(Exchange exchange, HttpUriRequestBase upstreamRequest, ClassicHttpResponse upstream,
			HttpServletResponse response) {
		exchange.status = upstream.getCode();
		response.setStatus(upstream.getCode());
		List<String> connectionTokens = ProxyHeaders
			.connectionTokens(List.of(upstream.getHeaders("Connection")).stream().map(Header::getValue).toList());
		for (Header header : upstream.getHeaders()) {
			exchange.responseHeaders.add(ProxyHeaders.captured(header.getName(), header.getValue()));
			if (ProxyHeaders.returned(header.getName(), connectionTokens)) {
				response.addHeader(header.getName(), proxied(exchange, header.getName(), header.getValue()));
			}
		}
		exchange.responseContentType = headerValue(upstream, "Content-Type");
		HttpEntity entity = upstream.getEntity();
		if (entity == null) {
			return;
		}
		byte[] buffer = new byte[BUFFER_BYTES];
		try (InputStream in = entity.getContent()) {
			OutputStream out = response.getOutputStream();
			while (true) {
				int read;
				try {
					read = in.read(buffer);
				}
				catch (IOException upstreamBroke) {
					upstreamRequest.cancel();
					exchange.fail("The upstream's answer broke off after " + exchange.responseBody.size() + " bytes: "
							+ describe(upstreamBroke));
					abortClientConnection();
					return;
				}
				if (read < 0) {
					break;
				}
				exchange.responseBody.add(buffer, 0, read);
				try {
					out.write(buffer, 0, read);
					if (in.available() == 0) {
						out.flush();
					}
				}
				catch (IOException clientGone) {
					upstreamRequest.cancel();
					exchange.fail("The client closed the connection after " + exchange.responseBody.size()
							+ " bytes of the answer.");
					return;
				}
			}
			try {
				out.flush();
			}
			catch (IOException clientGone) {
				exchange.fail("The client closed the connection before the end of the answer.");
			}
		}
		catch (IOException closing) {
			logger.debug("Could not close the upstream body", closing);
		}
	}

	/**
	 * Names the upstream failure for the client and the capture: 502, or 504 when it was
	 * too slow.
	 */
	private void answerUpstreamFailure(Exchange exchange, HttpServletResponse response,
			@Nullable CountedRequestBody body, IOException failure) {
		if (body != null && body.tooLarge) {
			answerFailure(exchange, response, 413, IssueType.TOOCOSTLY,
					"CTN-6005: The request body has more than " + this.settings.maximumRequestBytes()
							+ " bytes; the proxy forwards at most " + this.settings.maximumRequestBytes() + ".");
		}
		else if (body != null && body.clientFailure != null) {
			answerFailure(exchange, response, HttpServletResponse.SC_BAD_REQUEST, IssueType.INCOMPLETE,
					"CTN-6006: The request body could not be read to its end: " + describe(body.clientFailure));
		}
		else if (causeOf(failure, RefusedAddressException.class) != null) {
			answerFailure(exchange, response, HttpServletResponse.SC_BAD_GATEWAY, IssueType.SECURITY,
					"CTN-6002: The platform does not send requests to this endpoint's address: "
							+ causeOf(failure, RefusedAddressException.class).getMessage() + ".");
		}
		else if (causeOf(failure, ConnectTimeoutException.class) != null
				|| causeOf(failure, SocketTimeoutException.class) != null
				|| failure instanceof InterruptedIOException) {
			answerFailure(exchange, response, HttpServletResponse.SC_GATEWAY_TIMEOUT, IssueType.TIMEOUT,
					"CTN-6004: The endpoint did not answer within " + this.settings.timeout().toSeconds()
							+ " seconds.");
		}
		else {
			answerFailure(exchange, response, HttpServletResponse.SC_BAD_GATEWAY, IssueType.TRANSIENT,
					"CTN-6003: The endpoint cannot be reached: " + describe(failure));
		}
	}

	private static String describe(IOException failure) {
		if (causeOf(failure, UnknownHostException.class) != null) {
			return "its host name does not resolve (" + failure.getMessage() + ").";
		}
		if (causeOf(failure, ConnectException.class) != null
				|| causeOf(failure, NoRouteToHostException.class) != null) {
			return "nothing accepts connections at its address.";
		}
		return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
	}

	/**
	 * The proxy's own answer to a failure, which the capture keeps as the response, and
	 * the failure recorded.
	 */
	private void answerFailure(Exchange exchange, HttpServletResponse response, int status, IssueType type,
			String diagnostics) {
		exchange.status = status;
		exchange.fail(diagnostics);
		byte[] outcome = outcome(type, diagnostics);
		exchange.responseContentType = "application/fhir+json";
		exchange.responseHeaders.add(new CapturedMessage.Header("Content-Type", exchange.responseContentType));
		exchange.responseBody.add(outcome, 0, outcome.length);
		if (response.isCommitted()) {
			// The container gave up on a client whose body broke off: nobody to answer.
			return;
		}
		try {
			writeOutcome(response, status, outcome);
		}
		catch (IOException clientGone) {
			logger.debug("The client went away before the proxy's answer", clientGone);
		}
	}

	private static void writeOutcome(HttpServletResponse response, int status, IssueType type, String diagnostics)
			throws IOException {
		writeOutcome(response, status, outcome(type, diagnostics));
	}

	private static void writeOutcome(HttpServletResponse response, int status, byte[] outcome) throws IOException {
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType("application/fhir+json");
		response.setContentLength(outcome.length);
		response.getOutputStream().write(outcome);
	}

	private static byte[] outcome(IssueType type, String diagnostics) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
		return FhirContext.forR4Cached()
			.newJsonParser()
			.encodeResourceToString(outcome)
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The header as the client gets it: a {@code Location} or {@code Content-Location}
	 * under the endpoint's base URL is given under the proxy address instead, so that the
	 * client's next request crosses the proxy too.
	 */
	private String proxied(Exchange exchange, String name, String value) {
		if (!name.equalsIgnoreCase("Location") && !name.equalsIgnoreCase("Content-Location")) {
			return value;
		}
		String base = exchange.base;
		if (value.regionMatches(true, 0, base, 0, base.length())
				&& (value.length() == base.length() || "/?#".indexOf(value.charAt(base.length())) >= 0)) {
			return this.addresses.proxyUrl(exchange.request, exchange.route.eventId(), exchange.route.endpointId())
					+ value.substring(base.length());
		}
		return value;
	}

	/**
	 * The status is gone already: an exception after the answer began makes Tomcat cut
	 * the connection, which tells the client the answer is incomplete (a normal end of a
	 * chunked answer would not).
	 */
	private static void abortClientConnection() {
		throw new ClientAnswerAbandoned();
	}

	private static @Nullable String headerValue(ClassicHttpResponse response, String name) {
		Header header = response.getFirstHeader(name);
		return (header != null) ? header.getValue() : null;
	}

	private static <T extends Throwable> @Nullable T causeOf(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static String firstTwoSegments(String address) {
		String[] segments = address.split("/", 3);
		String shown = (segments.length >= 2) ? segments[0] + "/" + segments[1] : address;
		return (shown.length() > 40) ? shown.substring(0, 40) + "…" : shown;
	}

	/** Thrown to make the container cut the client's connection. */
	private static final class ClientAnswerAbandoned extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ClientAnswerAbandoned() {
			super(null, null, false, false);
		}

	}

	/** One exchange while it crosses the proxy, and its capture once it has. */
	private final class Exchange {

		final ProxyRoute route;

		final HttpServletRequest request;

		final String method;

		final String url;

		final String base;

		final String upstreamUrl;

		final String clientAddress;

		final @Nullable Sender sender;

		final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);

		final long startNanos = System.nanoTime();

		@Nullable Long answeredNanos;

		@Nullable Integer status;

		@Nullable String failure;

		final List<CapturedMessage.Header> requestHeaders = new ArrayList<>();

		final @Nullable String requestContentType;

		final BodyCapture requestBody;

		final List<CapturedMessage.Header> responseHeaders = new ArrayList<>();

		@Nullable String responseContentType;

		final BodyCapture responseBody;

		Exchange(ProxyRoute route, HttpServletRequest request, String rest, int maximumCapturedBytes) {
			this.route = route;
			this.request = request;
			this.method = request.getMethod();
			String query = (request.getQueryString() != null) ? "?" + request.getQueryString() : "";
			this.url = (rest.isEmpty() ? "/" : rest) + query;
			this.base = route.baseUrl().strip().replaceAll("/+$", "");
			this.upstreamUrl = this.base + rest + UNSAFE_QUERY_CHARACTERS.matcher(query)
				.replaceAll((unsafe) -> "%" + Integer.toHexString(unsafe.group().charAt(0)).toUpperCase());
			this.clientAddress = request.getRemoteAddr();
			for (String name : Collections.list(request.getHeaderNames())) {
				for (String value : Collections.list(request.getHeaders(name))) {
					this.requestHeaders.add(ProxyHeaders.captured(name, value));
				}
			}
			this.requestContentType = request.getContentType();
			this.requestBody = new BodyCapture(maximumCapturedBytes);
			this.responseBody = new BodyCapture(maximumCapturedBytes);
			this.sender = RecordingProxy.this.senders.identify(route.eventId(),
					request.getHeader(ProxyHeaders.SYSTEM_TOKEN), this.clientAddress);
		}

		void answered() {
			this.answeredNanos = System.nanoTime();
		}

		void fail(String why) {
			if (this.failure == null) {
				this.failure = why;
			}
		}

		NewCapture capture() {
			long now = System.nanoTime();
			Integer upstreamMillis = (this.answeredNanos != null)
					? (int) TimeUnit.NANOSECONDS.toMillis(this.answeredNanos - this.startNanos) : null;
			boolean fhir = this.route.protocol() == Protocol.FHIR;
			FhirInteraction interaction = fhir ? FhirInteraction.of(this.method, this.url) : FhirInteraction.UNKNOWN;
			String messageType = (this.route.protocol() == Protocol.SOAP)
					? SoapAction.fromHeaders(this.request.getHeader("SOAPAction"), this.requestContentType) : null;
			return new NewCapture(this.route.eventId(), this.route.endpointId(), this.route.receiverSystemId(),
					(this.sender != null) ? this.sender.systemId() : null,
					(this.sender != null) ? this.sender.identifiedBy() : null, this.clientAddress, this.startedAt,
					upstreamMillis, (int) TimeUnit.NANOSECONDS.toMillis(now - this.startNanos), this.method, this.url,
					this.upstreamUrl, this.status, this.failure, interaction.resourceType(), interaction.interaction(),
					new CapturedMessage(this.requestHeaders, this.requestContentType, this.requestBody.body(),
							this.requestBody.size(), this.requestBody.truncated()),
					new CapturedMessage(this.responseHeaders, this.responseContentType, this.responseBody.body(),
							this.responseBody.size(), this.responseBody.truncated()),
					this.route.protocol(), messageType, null);
		}

	}

	/**
	 * The client's request body as the upstream reads it: copied into the capture,
	 * counted against the proxy's limit, and telling a failure of the client apart from
	 * one of the upstream.
	 */
	private static final class CountedRequestBody extends InputStream {

		private final InputStream body;

		private final BodyCapture capture;

		private final long maximumBytes;

		boolean tooLarge;

		@Nullable IOException clientFailure;

		private static final int NONE = -2;

		/** A byte read ahead, or NONE. */
		private int first = NONE;

		CountedRequestBody(InputStream body, BodyCapture capture, long maximumBytes) {
			this.body = body;
			this.capture = capture;
			this.maximumBytes = maximumBytes;
		}

		/** Reads ahead the first byte, which the next read gives; false at the end. */
		boolean hasContent() throws IOException {
			this.first = read();
			return this.first >= 0;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int read = read(one, 0, 1);
			return (read < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.first >= 0 && length > 0) {
				buffer[offset] = (byte) this.first;
				this.first = NONE;
				return 1;
			}
			int read;
			try {
				read = this.body.read(buffer, offset, length);
			}
			catch (IOException failure) {
				this.clientFailure = failure;
				throw failure;
			}
			if (read > 0) {
				this.capture.add(buffer, offset, read);
				if (this.capture.size() > this.maximumBytes) {
					this.tooLarge = true;
					throw new IOException("The request body is over the proxy's limit.");
				}
			}
			return read;
		}

	}

}
