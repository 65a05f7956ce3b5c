package org.connectathon.platform.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;
import org.connectathon.engine.outbound.OutboundAddressPolicy;
import org.connectathon.engine.outbound.RefusedAddressException;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.catalog.Protocol;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's side of the engine's {@link OutboundAddressPolicy}: every request the
 * platform sends on a participant's behalf (automated steps, the recording proxy) goes
 * through one of the two HTTP clients here, the one of the event's setting, or, for a
 * protocol other than HTTP (HL7 v2 over MLLP), through a connection opened here; and
 * every base URL a participant gives is checked here first. Both connect only to
 * addresses the policy accepted when connecting, and the clients follow no redirect.
 */
@Component
public class OutboundAddresses implements DisposableBean {

	private final CloseableHttpClient publicOnly;

	private final CloseableHttpClient privateAllowed;

	OutboundAddresses(@Value("${connectathon.outbound.connect-timeout:10s}") Duration connectTimeout) {
		this.publicOnly = OutboundAddressPolicy.publicAddressesOnly().httpClient(connectTimeout);
		this.privateAllowed = OutboundAddressPolicy.privateAddressesAllowed().httpClient(connectTimeout);
	}

	/**
	 * The client for an event that allows private addresses or not; never closed by
	 * callers.
	 */
	public HttpClient httpClient(boolean allowPrivateAddresses) {
		return allowPrivateAddresses ? this.privateAllowed : this.publicOnly;
	}

	/**
	 * A TCP connection to the host, for a protocol other than HTTP: to the first of its
	 * addresses that answers, once the event's policy accepted every one of them; the
	 * socket connects to the judged address itself, so that a name resolving otherwise a
	 * moment later changes nothing.
	 * @throws RefusedAddressException when the policy refuses one of the host's addresses
	 * @throws UnknownHostException when the host does not resolve
	 * @throws IOException when no address accepts the connection within the timeout
	 */
	public Socket connect(String host, int port, boolean allowPrivateAddresses, Duration timeout) throws IOException {
		IOException last = null;
		for (InetAddress address : OutboundAddressPolicy.forEvent(allowPrivateAddresses).resolve(host)) {
			Socket socket = new Socket();
			try {
				socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
				return socket;
			}
			catch (IOException failed) {
				try {
					socket.close();
				}
				catch (IOException closing) {
					failed.addSuppressed(closing);
				}
				last = failed;
			}
		}
		throw (last != null) ? last : new UnknownHostException(host);
	}

	/**
	 * Why requests cannot go to this base URL now, if they cannot.
	 */
	public Optional<String> refusal(URI baseUrl, boolean allowPrivateAddresses) {
		return OutboundAddressPolicy.forEvent(allowPrivateAddresses).refusal(baseUrl);
	}

	/**
	 * Refuses a base URL that requests could not go to: not http or https, with a user
	 * name or password, or a host that is or resolves to a refused address. A name that
	 * does not resolve yet is accepted: it is judged again at every request.
	 * @throws InvalidInputException naming the problem, for the field {@code baseUrl}
	 */
	public void requireAllowed(String baseUrl, boolean allowPrivateAddresses) {
		requireAllowed(baseUrl, Protocol.FHIR, allowPrivateAddresses);
	}

	/**
	 * Refuses a base URL that the protocol's messages could not go to: for HTTP protocols
	 * as {@link #requireAllowed(String, boolean)} says; for HL7 v2 an
	 * {@code mllp://host:port} address, whose host the policy judges as it judges an HTTP
	 * URL's (the policy is about addresses, not schemes).
	 */
	public void requireAllowed(String baseUrl, Protocol protocol, boolean allowPrivateAddresses) {
		URI url;
		try {
			url = new URI(baseUrl.strip());
		}
		catch (URISyntaxException exception) {
			throw new InvalidInputException("The base URL is not a valid URL.", List.of("baseUrl: not a valid URL"));
		}
		boolean mllp = "mllp".equalsIgnoreCase(url.getScheme());
		if (mllp != (protocol == Protocol.HL7V2)) {
			String expected = (protocol == Protocol.HL7V2) ? "an HL7 v2 endpoint's address is mllp://host:port"
					: "a " + protocol + " endpoint's base URL is an http or https URL";
			throw new InvalidInputException("The base URL does not fit the protocol: " + expected + ".",
					List.of("baseUrl: " + expected));
		}
		if (mllp) {
			if (url.getHost() == null || url.getPort() < 1 || (url.getPath() != null && !url.getPath().isEmpty())
					|| url.getRawUserInfo() != null || url.getQuery() != null) {
				throw new InvalidInputException("An HL7 v2 endpoint's address is mllp://host:port, and nothing else.",
						List.of("baseUrl: write mllp://host:port"));
			}
			url = URI.create("http://" + url.getRawAuthority());
		}
		Optional<String> refusal = refusal(url, allowPrivateAddresses);
		if (refusal.isPresent()) {
			boolean organizerMayAllow = !allowPrivateAddresses && refusal(url, true).isEmpty();
			throw new InvalidInputException("The platform will not send requests to this base URL: " + refusal.get()
					+ (organizerMayAllow ? " (an organizer may allow private addresses for the event)" : "") + ".",
					List.of("baseUrl: " + refusal.get()));
		}
	}

	@Override
	public void destroy() throws IOException {
		this.publicOnly.close(CloseMode.GRACEFUL);
		this.privateAllowed.close(CloseMode.GRACEFUL);
	}

}
