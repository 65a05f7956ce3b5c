package org.connectathon.platform.proxy;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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

	ProxyAddresses(@Value("${connectathon.public-url:}") String publicUrl) {
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
	}

	/** The absolute proxy base URL of an endpoint, without a trailing slash. */
	public String proxyUrl(long eventId, long endpointId) {
		return platformUrl() + PREFIX + eventId + "/" + endpointId;
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
