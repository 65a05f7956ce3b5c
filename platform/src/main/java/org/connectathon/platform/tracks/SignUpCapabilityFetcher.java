package org.connectathon.platform.tracks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.connectathon.platform.security.OutboundAddresses;
import org.springframework.stereotype.Component;

/**
 * Fetches a server's CapabilityStatement ({@code GET [base]/metadata}) through the
 * platform's outbound address policy, the event's setting deciding whether private
 * addresses may be reached. A failure becomes one sentence for the participant.
 */
@Component
class SignUpCapabilityFetcher {

	/** Large servers' statements run to a few hundred kilobytes; more is not one. */
	static final int MAXIMUM_BYTES = 4 * 1024 * 1024;

	private static final Timeout RESPONSE_TIMEOUT = Timeout.ofSeconds(30);

	private final OutboundAddresses outbound;

	SignUpCapabilityFetcher(OutboundAddresses outbound) {
		this.outbound = outbound;
	}

	SignUpCapabilityStatement fetch(String baseUrl, boolean allowPrivateAddresses) {
		this.outbound.requireAllowed(baseUrl, allowPrivateAddresses);
		String metadataUrl = baseUrl + "/metadata";
		HttpGet request = new HttpGet(URI.create(metadataUrl));
		request.setHeader("Accept", "application/fhir+json");
		// a server that accepts the connection and never answers must not hold the
		// sign-up
		request.setConfig(RequestConfig.custom().setResponseTimeout(RESPONSE_TIMEOUT).build());
		try (ClassicHttpResponse response = this.outbound.httpClient(allowPrivateAddresses)
			.executeOpen(null, request, null)) {
			if (response.getCode() != 200) {
				throw SignUpCapabilityStatement.unusable(metadataUrl,
						"the server answered HTTP " + response.getCode() + " instead of 200");
			}
			HttpEntity entity = response.getEntity();
			if (entity == null) {
				throw SignUpCapabilityStatement.unusable(metadataUrl, "the answer has no body");
			}
			try (InputStream body = entity.getContent()) {
				byte[] content = body.readNBytes(MAXIMUM_BYTES + 1);
				if (content.length > MAXIMUM_BYTES) {
					throw SignUpCapabilityStatement.unusable(metadataUrl,
							"the answer is larger than " + MAXIMUM_BYTES / (1024 * 1024) + " MB");
				}
				return SignUpCapabilityStatement.read(new String(content, StandardCharsets.UTF_8), metadataUrl);
			}
		}
		catch (IOException failure) {
			throw SignUpCapabilityStatement.unusable(metadataUrl, "the request failed ("
					+ ((failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName())
					+ ")");
		}
	}

}
