package org.connectathon.engine.testscript;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.connectathon.engine.outbound.RefusedAddressException;

/**
 * Forwards with the Apache HTTP client the runner sends its own requests with, so that
 * forwarded requests keep to the same address policy, timeout and connection pool.
 */
public final class HttpClientForwarder implements RequestForwarder {

	private final HttpClient http;

	private final Duration timeout;

	/**
	 * @param http a client that does not follow redirects: the client under test gets
	 * them as the destination sent them
	 * @param timeout how long the destination may take to answer
	 */
	public HttpClientForwarder(HttpClient http, Duration timeout) {
		this.http = Objects.requireNonNull(http, "http");
		this.timeout = Objects.requireNonNull(timeout, "timeout");
	}

	@Override
	public ForwardedResponse forward(ClientRequest request, URI target) throws IOException {
		ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method()).setUri(target);
		request.headers().forEach((name, values) -> {
			if (!HopByHopHeaders.contains(name)) {
				values.forEach(value -> builder.addHeader(name, value));
			}
		});
		if (request.body().length > 0) {
			// the Content-Type header, when there is one, comes from the client's headers
			builder.setEntity(new ByteArrayEntity(request.body(), null));
		}
		HttpClientContext context = HttpClientContext.create();
		Timeout limit = Timeout.of(this.timeout);
		context.setRequestConfig(
				RequestConfig.custom().setConnectionRequestTimeout(limit).setResponseTimeout(limit).build());
		try {
			return this.http.execute(builder.build(), context, (response) -> {
				HttpEntity entity = response.getEntity();
				byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
				return new ForwardedResponse(response.getCode(), headers(response.getHeaders()), body);
			});
		}
		catch (RefusedAddressException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
		catch (InterruptedIOException ex) {
			throw new IOException("the destination did not answer within " + this.timeout.toSeconds() + " s", ex);
		}
		catch (IOException ex) {
			// one sentence whatever went wrong, so that messages do not tell an open port
			// from a closed one
			throw new IOException("the destination could not be reached or did not accept the connection", ex);
		}
	}

	private static Map<String, List<String>> headers(Header[] received) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Header header : received) {
			if (!HopByHopHeaders.contains(header.getName())) {
				headers.computeIfAbsent(header.getName(), (name) -> new ArrayList<>()).add(header.getValue());
			}
		}
		return headers;
	}

}
