package org.connectathon.engine.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which addresses the policy refuses, judged without network: literals, and
 * {@code localhost} from the hosts file.
 */
class OutboundAddressPolicyTests {

	private static final OutboundAddressPolicy PUBLIC_ONLY = OutboundAddressPolicy.publicAddressesOnly();

	private static final OutboundAddressPolicy PRIVATE_ALLOWED = OutboundAddressPolicy.privateAddressesAllowed();

	@ParameterizedTest
	@ValueSource(strings = {
			// loopback, in every notation
			"127.0.0.1", "127.8.9.10", "localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1",
			"::ffff:7f00:1", "[::ffff:127.0.0.1]",
			// private, shared, unique-local and site-local
			"10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.0.1", "100.64.0.1",
			"100.127.255.254", "fc00::1", "fd12:3456::1", "fec0::1",
			// IPv4 inside IPv6: NAT64 and 6to4 of loopback and private addresses
			"64:ff9b::7f00:1", "64:ff9b::a00:1", "2002:7f00:1::1", "2002:c0a8:1::1" })
	void shouldRefuseLoopbackAndPrivateAddressesUnlessTheyAreAllowed(String host) throws UnknownHostException {
		assertThatThrownBy(() -> PUBLIC_ONLY.resolve(host)).isInstanceOf(RefusedAddressException.class)
			.hasMessageStartingWith(host + " is ")
			.hasMessageEndingWith("and requests go to public addresses only");
		assertThat(PRIVATE_ALLOWED.resolve(host)).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// link-local, the cloud metadata address among them, in several notations
			"169.254.169.254", "2852039166", "0xa9fea9fe", "::ffff:169.254.169.254", "[::ffff:169.254.169.254]",
			"64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "fe80::1", "fe80::1%1",
			// unspecified
			"0.0.0.0", "0", "::", "[::]",
			// multicast and broadcast
			"224.0.0.1", "239.255.255.250", "ff02::1", "255.255.255.255",
			// reserved: future use, protocol assignments, documentation, benchmarking,
			// IPv4-compatible IPv6, local-use NAT64, Teredo, outside 2000::/3
			"240.0.0.1", "192.0.0.1", "192.0.2.1", "198.51.100.1", "203.0.113.1", "198.18.0.1", "192.88.99.1",
			"::127.0.0.1", "::93.184.216.34", "64:ff9b:1::1", "2001::1", "2001:db8::1", "3fff::1", "100::1", "4000::1",
			// IPv4 in other notations than four decimal numbers, whatever they mean
			"2130706433", "0x7f000001", "0177.0.0.1", "0x7f.0.0.1", "127.1", "127.0.1", "017700000001", "127.0.0.1.",
			"1572395042", "093.184.216.34" })
	void shouldAlwaysRefuseLinkLocalUnspecifiedMulticastReservedAndAmbiguousAddresses(String host) {
		assertThatThrownBy(() -> PUBLIC_ONLY.resolve(host)).isInstanceOf(RefusedAddressException.class);
		assertThatThrownBy(() -> PRIVATE_ALLOWED.resolve(host)).isInstanceOf(RefusedAddressException.class)
			.hasMessageStartingWith(host + " is ")
			.hasMessageNotContaining("public addresses only");
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "11.0.0.1", "172.32.0.1", "100.128.0.1", "169.255.0.1",
			"223.255.255.254", "2606:4700::1111", "[2606:4700::1111]", "2a00:1450:4001::1", "::ffff:93.184.216.34",
			"64:ff9b::5db8:d822", "2002:5db8:d822::1" })
	void shouldAllowPublicAddresses(String host) throws UnknownHostException {
		assertThat(PUBLIC_ONLY.resolve(host)).isNotEmpty();
		String authority = (host.contains(":") && !host.startsWith("[")) ? "[" + host + "]" : host;
		assertThat(PUBLIC_ONLY.refusal(URI.create("https://" + authority + "/fhir"))).isEmpty();
	}

	@Test
	void shouldSendAnywhereWhenEveryAddressIsAllowed() throws UnknownHostException {
		OutboundAddressPolicy any = OutboundAddressPolicy.anyAddress();

		assertThat(any.resolve("127.0.0.1")).isNotEmpty();
		assertThat(any.resolve("169.254.169.254")).isNotEmpty();
		assertThat(any.resolve("2130706433")).containsExactly(InetAddress.getByName("127.0.0.1"));
	}

	@Test
	void shouldRefuseANameWhenOneOfItsAddressesIsRefused() throws UnknownHostException {
		List<InetAddress> mixed = List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7"));
		OutboundAddressPolicy policy = PUBLIC_ONLY.withResolver((host) -> mixed);

		assertThatThrownBy(() -> policy.resolve("fhir.example.org")).isInstanceOf(RefusedAddressException.class)
			.hasMessage("fhir.example.org is a private address, and requests go to public addresses only");
	}

	@Test
	void shouldTellTheSameWhateverThePort() {
		assertThat(PUBLIC_ONLY.refusal(URI.create("http://127.0.0.1:5432/")))
			.isEqualTo(PUBLIC_ONLY.refusal(URI.create("http://127.0.0.1:1/")))
			.isEqualTo(PUBLIC_ONLY.refusal(URI.create("http://127.0.0.1/fhir")))
			.contains("127.0.0.1 is a loopback address, and requests go to public addresses only");
	}

	@Test
	void shouldRefuseBaseUrlsThatAreNotHttpOrHoldCredentials() {
		assertThat(PUBLIC_ONLY.refusal(URI.create("ftp://93.184.216.34/fhir")))
			.contains("it must be an http or https URL");
		assertThat(PUBLIC_ONLY.refusal(URI.create("file:///etc/passwd"))).contains("it must be an http or https URL");
		assertThat(PUBLIC_ONLY.refusal(URI.create("http://alice:secret@93.184.216.34/fhir")))
			.contains("it must not hold a user name or password");
		assertThat(PUBLIC_ONLY.refusal(URI.create("http://93.184.216.34@127.0.0.1/fhir")))
			.contains("it must not hold a user name or password");
		assertThat(PUBLIC_ONLY.refusal(URI.create("http:/fhir"))).contains("it must name a host");
	}

	@Test
	void shouldLeaveANameThatDoesNotResolveYetToTheCheckWhenSending() {
		OutboundAddressPolicy unresolved = PUBLIC_ONLY.withResolver((host) -> {
			throw new UnknownHostException(host);
		});

		assertThat(unresolved.refusal(URI.create("https://fhir.example.org/r4"))).isEmpty();
		assertThatThrownBy(() -> unresolved.resolve("fhir.example.org")).isInstanceOf(UnknownHostException.class)
			.isNotInstanceOf(RefusedAddressException.class);
	}

}
