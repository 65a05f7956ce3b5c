package org.connectathon.engine.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Which addresses requests may go to when they are sent on someone else's behalf: a
 * participant's endpoint, a script's URL. A host is resolved and every address it
 * resolves to is judged by its bytes, whatever notation named it (decimal, hexadecimal or
 * octal IPv4, IPv4-mapped IPv6 and the like all end as the same bytes); a host with one
 * refused address is refused.
 * <ul>
 * <li>Never: unspecified ({@code 0.0.0.0/8}, {@code ::}), link-local
 * ({@code 169.254.0.0/16}, the cloud metadata address among them, {@code fe80::/10}),
 * multicast, broadcast and the other reserved or non-routable ranges (documentation,
 * benchmarking, {@code 240.0.0.0/4}, IPv4-compatible IPv6, and all IPv6 outside
 * {@code 2000::/3}).</li>
 * <li>Only when private addresses are allowed: loopback ({@code 127.0.0.0/8},
 * {@code ::1}), private ({@code 10.0.0.0/8}, {@code 172.16.0.0/12},
 * {@code 192.168.0.0/16}), shared ({@code 100.64.0.0/10}, carrier-grade NAT) and
 * unique-local ({@code fc00::/7}, and the old site-local {@code fec0::/10}).</li>
 * <li>IPv6 forms that carry an IPv4 address to a gateway (IPv4-mapped, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by that IPv4 address.</li>
 * <li>An IPv4 address written other than as four decimal numbers ({@code 2130706433},
 * {@code 0x7f000001}, {@code 0177.0.0.1}, {@code 127.1}) is refused whatever it means:
 * parsers disagree on these (Java reads {@code 0177.0.0.1} as {@code 177.0.0.1}, C
 * libraries and browsers as {@code 127.0.0.1}), so what was judged might not be what
 * another tool would reach.</li>
 * </ul>
 * The check is made where the connection is made: {@link #httpClient} gives a client
 * whose connections go only to addresses this policy resolved and accepted a moment
 * before, so a name that resolves differently at connect time (DNS rebinding) is judged
 * again. That client does not follow redirects; a redirect is an answer for the caller to
 * judge.
 */
public final class OutboundAddressPolicy {

	private enum Access {

		/** Globally routable: always allowed. */
		PUBLIC,

		/** This machine or a private network: allowed when the policy allows it. */
		PRIVATE,

		/** Never a server's address. */
		NEVER

	}

	/** A range of addresses, judged by its first bits. */
	private record Range(byte[] prefix, int bits, Access access, String description) {

		static Range of(String address, int bits, Access access, String description) {
			try {
				// literals only: getByName does not look them up
				return new Range(InetAddress.getByName(address).getAddress(), bits, access, description);
			}
			catch (UnknownHostException ex) {
				throw new IllegalArgumentException(address, ex);
			}
		}

		boolean contains(byte[] address) {
			if (address.length != this.prefix.length) {
				return false;
			}
			int whole = this.bits / 8;
			if (!Arrays.equals(address, 0, whole, this.prefix, 0, whole)) {
				return false;
			}
			int rest = this.bits % 8;
			int mask = (0xff << (8 - rest)) & 0xff;
			return rest == 0 || (address[whole] & mask) == (this.prefix[whole] & mask);
		}

	}

	private static final List<Range> IPV4 = List.of(Range.of("0.0.0.0", 8, Access.NEVER, "an unspecified address"),
			Range.of("127.0.0.0", 8, Access.PRIVATE, "a loopback address"),
			Range.of("10.0.0.0", 8, Access.PRIVATE, "a private address"),
			Range.of("172.16.0.0", 12, Access.PRIVATE, "a private address"),
			Range.of("192.168.0.0", 16, Access.PRIVATE, "a private address"),
			Range.of("100.64.0.0", 10, Access.PRIVATE, "a shared (carrier-grade NAT) address"),
			Range.of("169.254.0.0", 16, Access.NEVER, "a link-local address"),
			Range.of("224.0.0.0", 4, Access.NEVER, "a multicast address"),
			Range.of("240.0.0.0", 4, Access.NEVER, "a reserved address"),
			Range.of("192.0.0.0", 24, Access.NEVER, "a reserved address"),
			Range.of("192.0.2.0", 24, Access.NEVER, "a reserved address"),
			Range.of("192.88.99.0", 24, Access.NEVER, "a reserved address"),
			Range.of("198.18.0.0", 15, Access.NEVER, "a reserved address"),
			Range.of("198.51.100.0", 24, Access.NEVER, "a reserved address"),
			Range.of("203.0.113.0", 24, Access.NEVER, "a reserved address"));

	private static final List<Range> IPV6 = List.of(Range.of("::", 128, Access.NEVER, "an unspecified address"),
			Range.of("::1", 128, Access.PRIVATE, "a loopback address"),
			Range.of("fc00::", 7, Access.PRIVATE, "a unique-local address"),
			Range.of("fec0::", 10, Access.PRIVATE, "a site-local address"),
			Range.of("fe80::", 10, Access.NEVER, "a link-local address"),
			Range.of("ff00::", 8, Access.NEVER, "a multicast address"),
			Range.of("64:ff9b:1::", 48, Access.NEVER, "a reserved address"),
			Range.of("2001::", 23, Access.NEVER, "a reserved address"),
			Range.of("2001:db8::", 32, Access.NEVER, "a reserved address"),
			Range.of("3fff::", 20, Access.NEVER, "a reserved address"));

	/** The IPv6 ranges that carry an IPv4 address, with the offset of its four bytes. */
	private static final Range IPV4_MAPPED = Range.of("::ffff:0.0.0.0", 96, Access.NEVER, "");

	private static final Range NAT64 = Range.of("64:ff9b::", 96, Access.NEVER, "");

	private static final Range SIX_TO_FOUR = Range.of("2002::", 16, Access.NEVER, "");

	private static final Range IPV4_COMPATIBLE = Range.of("::", 96, Access.NEVER, "a reserved address");

	private static final Range GLOBAL_UNICAST = Range.of("2000::", 3, Access.PUBLIC, "");

	/** What {@code inet_aton} reads as an IPv4 address: one to four numbers. */
	private static final Pattern NUMERIC_HOST = Pattern
		.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");

	private static final Pattern DOTTED_QUAD = Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

	private static final OutboundAddressPolicy PUBLIC_ONLY = new OutboundAddressPolicy(Access.PUBLIC,
			HostResolver.SYSTEM);

	private static final OutboundAddressPolicy PRIVATE_ALLOWED = new OutboundAddressPolicy(Access.PRIVATE,
			HostResolver.SYSTEM);

	private static final OutboundAddressPolicy ANY = new OutboundAddressPolicy(Access.NEVER, HostResolver.SYSTEM);

	/** The most restricted kind of address still allowed. */
	private final Access allowed;

	private final HostResolver resolver;

	private OutboundAddressPolicy(Access allowed, HostResolver resolver) {
		this.allowed = allowed;
		this.resolver = resolver;
	}

	/** Public addresses only: the default for an event. */
	public static OutboundAddressPolicy publicAddressesOnly() {
		return PUBLIC_ONLY;
	}

	/**
	 * Public addresses, and also loopback, private, shared and unique-local ones: for an
	 * event on one laptop or a private network, where the systems under test are there.
	 * Link-local, multicast and reserved addresses stay refused.
	 */
	public static OutboundAddressPolicy privateAddressesAllowed() {
		return PRIVATE_ALLOWED;
	}

	/** The policy for an event, by its setting. */
	public static OutboundAddressPolicy forEvent(boolean allowPrivateAddresses) {
		return allowPrivateAddresses ? PRIVATE_ALLOWED : PUBLIC_ONLY;
	}

	/**
	 * Every address: for a tester who runs scripts from their own command line against
	 * servers they name themselves.
	 */
	public static OutboundAddressPolicy anyAddress() {
		return ANY;
	}

	/** The same policy, resolving host names with the given resolver. */
	public OutboundAddressPolicy withResolver(HostResolver newResolver) {
		return new OutboundAddressPolicy(this.allowed, Objects.requireNonNull(newResolver, "newResolver"));
	}

	/** Whether loopback and private addresses are allowed. */
	public boolean allowsPrivateAddresses() {
		return this.allowed != Access.PUBLIC;
	}

	/**
	 * The addresses of a host (a name or an address literal, IPv6 ones with or without
	 * brackets), when the policy allows every one of them.
	 * @throws RefusedAddressException when one of them is refused
	 * @throws UnknownHostException when the host does not resolve
	 */
	public List<InetAddress> resolve(String host) throws UnknownHostException {
		Objects.requireNonNull(host, "host");
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (this.allowed != Access.NEVER && NUMERIC_HOST.matcher(bare).matches()
				&& !DOTTED_QUAD.matcher(bare).matches()) {
			throw new RefusedAddressException(host,
					"an IPv4 address in an ambiguous notation; write it as four decimal numbers, such as 93.184.216.34");
		}
		List<InetAddress> addresses = this.resolver.resolve(bare);
		if (addresses.isEmpty()) {
			throw new UnknownHostException(host);
		}
		for (InetAddress address : addresses) {
			Optional<String> refusal = refusal(address);
			if (refusal.isPresent()) {
				throw new RefusedAddressException(host, refusal.get());
			}
		}
		return addresses;
	}

	/**
	 * Why a base URL cannot be a target, if it cannot: not http or https, user
	 * information in it, no host, or a host that resolves to a refused address. A host
	 * that does not resolve now is not refused here: it is resolved and judged again when
	 * a request is sent.
	 */
	public Optional<String> refusal(URI url) {
		Objects.requireNonNull(url, "url");
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return Optional.of("it must be an http or https URL");
		}
		if (url.getRawUserInfo() != null) {
			return Optional.of("it must not hold a user name or password");
		}
		if (url.getHost() == null || url.getHost().isEmpty()) {
			return Optional.of("it must name a host");
		}
		try {
			resolve(url.getHost());
			return Optional.empty();
		}
		catch (RefusedAddressException ex) {
			return Optional.of(ex.getMessage());
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	/** Why the policy refuses this address, if it does. */
	public Optional<String> refusal(InetAddress address) {
		Objects.requireNonNull(address, "address");
		Range range = rangeOf(address.getAddress());
		if (range == null || range.access().compareTo(this.allowed) <= 0) {
			return Optional.empty();
		}
		String description = range.description();
		return Optional.of((range.access() == Access.NEVER) ? description + ", to which requests are never sent"
				: description + ", and requests go to public addresses only");
	}

	/**
	 * A client whose every connection goes to addresses that this policy resolved and
	 * allowed when it connected. It follows no redirect, retries nothing, keeps no cookie
	 * and asks for no compression: it sends what it is given and returns what came. Close
	 * it when done with it.
	 * @param connectTimeout how long connecting may take
	 */
	public CloseableHttpClient httpClient(Duration connectTimeout) {
		DnsResolver checkingResolver = new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return OutboundAddressPolicy.this.resolve(host).toArray(InetAddress[]::new);
			}

			@Override
			public String resolveCanonicalHostname(String host) throws UnknownHostException {
				return resolve(host)[0].getCanonicalHostName();
			}

		};
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(checkingResolver)
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(Timeout.of(connectTimeout)).build())
				// scripts run in parallel against one server
				.setMaxConnPerRoute(64)
				.setMaxConnTotal(256)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableContentCompression()
			.disableAuthCaching()
			.build();
	}

	/** The range the address falls in; null for a public address. */
	private static Range rangeOf(byte[] address) {
		if (address.length == 4) {
			return IPV4.stream().filter((range) -> range.contains(address)).findFirst().orElse(null);
		}
		if (IPV4_MAPPED.contains(address) || NAT64.contains(address)) {
			return rangeOf(Arrays.copyOfRange(address, 12, 16));
		}
		if (SIX_TO_FOUR.contains(address)) {
			return rangeOf(Arrays.copyOfRange(address, 2, 6));
		}
		Range range = IPV6.stream().filter((candidate) -> candidate.contains(address)).findFirst().orElse(null);
		if (range != null) {
			return range;
		}
		if (IPV4_COMPATIBLE.contains(address) || !GLOBAL_UNICAST.contains(address)) {
			return IPV4_COMPATIBLE;
		}
		return null;
	}

}
