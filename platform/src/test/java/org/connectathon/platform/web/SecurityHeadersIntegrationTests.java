package org.connectathon.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.security.Role;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers that tell browsers what a page may do, and the cookies' {@code Secure} flag
 * behind a TLS proxy, over real HTTP. Cookies are handled by hand: the JDK's cookie jar
 * would hold back a {@code Secure} cookie from a plain HTTP request, as a browser does,
 * while the proxy in front of the platform speaks HTTPS to the browser.
 */
@PlatformIntegrationTest
class SecurityHeadersIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldForbidInlineScriptAndForeignReferrersOnPages() throws Exception {
		for (String path : List.of("/login", "/css/connectathon.css", "/no-such-page")) {
			HttpHeaders headers = get(this.fixtures.port(), path).headers();

			assertThat(headers.firstValue("Content-Security-Policy")).as(path)
				.hasValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
						+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'");
			assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
			assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
		}
	}

	@Test
	void shouldMarkApiAndFhirAnswersAsDataNeverToRender() throws Exception {
		int port = this.fixtures.port();
		for (HttpResponse<String> answer : List.of(get(port, "/api/events"), get(port, "/fhir/metadata"),
				get(port, "/api/openapi.json"))) {
			assertThat(answer.headers().firstValue("Content-Security-Policy")).as(answer.uri().getPath())
				.hasValue("default-src 'none'; frame-ancestors 'none'");
			assertThat(answer.headers().firstValue("Referrer-Policy")).as(answer.uri().getPath())
				.hasValue("same-origin");
		}
		assertThat(this.fixtures.admin().get("/api/events").status()).isEqualTo(200);
	}

	@Test
	void shouldNotTrustForwardedHeadersUnlessTold() throws Exception {
		String username = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization()).username();

		List<String> cookies = signInCookies(this.fixtures.port(), username, "X-Forwarded-Proto", "https");

		assertThat(cookies).anyMatch((cookie) -> cookie.startsWith("SESSION="))
			.anyMatch((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.noneMatch((cookie) -> cookie.contains("; Secure"));
	}

	@Nested
	@TestPropertySource(properties = "server.forward-headers-strategy=native")
	class BehindATlsProxy {

		@Autowired
		Fixtures fixtures;

		@Test
		void shouldMarkCookiesSecureWhenTheProxyTookTheRequestOverTls() throws Exception {
			String username = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization()).username();

			List<String> cookies = signInCookies(this.fixtures.port(), username, "X-Forwarded-Proto", "https");

			assertThat(cookies).anyMatch((cookie) -> cookie.startsWith("SESSION="))
				.anyMatch((cookie) -> cookie.startsWith("XSRF-TOKEN="))
				.allMatch((cookie) -> cookie.contains("; Secure"));
			assertThat(get(this.fixtures.port(), "/login", "X-Forwarded-Proto", "https").headers()
				.firstValue("Strict-Transport-Security")).isPresent();
		}

		@Test
		void shouldLeaveCookiesOfPlainHttpRequestsAsTheyAre() throws Exception {
			String username = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization()).username();

			List<String> cookies = signInCookies(this.fixtures.port(), username, "X-Forwarded-Proto", "http");

			assertThat(cookies).anyMatch((cookie) -> cookie.startsWith("SESSION="))
				.noneMatch((cookie) -> cookie.contains("; Secure"));
		}

	}

	/**
	 * The cookies that the sign-in page and the sign-in set, each request carrying the
	 * headers given as name, value, ...
	 */
	static List<String> signInCookies(int port, String username, String... headers) throws Exception {
		HttpResponse<String> page = get(port, "/login", headers);
		String token = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).as("a CSRF token on the sign-in page").isTrue();
		HttpResponse<String> signIn = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.headers(headers)
				.header("Cookie", token)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(Fixtures.PASSWORD)
						+ "&_csrf=" + encode(csrf.group(1))))
				.build(), BodyHandlers.ofString());
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		List<String> cookies = new ArrayList<>(page.headers().allValues("Set-Cookie"));
		cookies.addAll(signIn.headers().allValues("Set-Cookie"));
		return cookies;
	}

	static HttpResponse<String> get(int port, String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return HTTP.send(request.build(), BodyHandlers.ofString());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
