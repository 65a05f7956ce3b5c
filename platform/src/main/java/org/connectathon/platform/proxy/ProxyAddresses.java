package org.connectathon.platform.proxy;

import jakarta.servlet.http.HttpServletRequest;

import org.connectathon.platform.proxy.hl7v2.MllpSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The proxy address of an endpoint: {@code /proxy/{eventId}/{endpointId}} on the
 * platform, made of ids only so that it stays the same while the endpoint's base URL
 * changes. Absolute on {@code connectathon.public-url} when the operator set it (the
 * address partners reach the platform at, behind a reverse proxy for instance), else on
 * the address the current request came to.
 */
@Component
public class ProxyAddresses {

	/**
	 * The header a client sends its system's capture token in, so that captures name the
	 * sender; the proxy removes it before forwarding.
	 */
	public static final String CAPTURE_TOKEN_HEADER = "X-Connectathon-System";

	/** Where proxy addresses begin, after the platform's context path. */
	static final String PREFIX = "/proxy/";

	private final String publicUrl;

	private final String mllpHost;

	ProxyAddresses(@Value("${connectathon.public-url:}") String publicUrl, MllpSettings mllp) {
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
		this.mllpHost = mllp.host();
	}

	/** The absolute proxy base URL of an endpoint, without a trailing slash. */
	public String proxyUrl(long eventId, long endpointId) {
		return platformUrl() + PREFIX + eventId + "/" + endpointId;
	}

	/**
	 * The address partners send to instead of the endpoint: for an HL7 v2 endpoint (one
	 * with a listening port) {@code mllp://<platform host>:<port>}, on
	 * {@code connectathon.mllp.host} when the operator set it, else on the host of the
	 * platform's address; for others the proxy base URL.
	 */
	public String proxyUrl(long eventId, long endpointId, @Nullable Integer mllpPort) {
		if (mllpPort == null) {
			return proxyUrl(eventId, endpointId);
		}
		String host = this.mllpHost.isEmpty() ? UriComponentsBuilder.fromUriString(platformUrl()).build().getHost()
				: this.mllpHost;
		return "mllp://" + host + ":" + mllpPort;
	}

	/**
	 * The same, on the address that request came to: the proxy answers ahead of the
	 * filter that makes the current request known to the rest of the platform.
	 */
	String proxyUrl(HttpServletRequest request, long eventId, long endpointId) {
		String platformUrl = this.publicUrl.isEmpty()
				? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() : this.publicUrl;
		return platformUrl + PREFIX + eventId + "/" + endpointId;
	}

	private String platformUrl() {
		if (!this.publicUrl.isEmpty()) {
			return this.publicUrl;
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

}
