package org.connectathon.platform.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in, sessions and CSRF on pages, over real HTTP with a cookie jar like a browser's.
 */
@PlatformIntegrationTest
class PageSecurityIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	Fixtures fixtures;

	HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void shouldSendAnonymousVisitorsToTheSignInPage() throws Exception {
		HttpResponse<String> home = get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location"))
			.hasValueSatisfying((url) -> assertThat(url).endsWith("/login"));
	}

	@Test
	void shouldRefuseAWrongPassword() throws Exception {
		User user = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		HttpResponse<String> signIn = signIn(user.username(), "wrong-password");
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying((url) -> assertThat(url).contains("error"));
		assertThat(get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void shouldKeepParticipantsOutOfAdminPages() throws Exception {
		User user = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		signIn(user.username(), Fixtures.PASSWORD);
		assertThat(get("/").statusCode()).isEqualTo(200);
		assertThat(get("/admin/events").statusCode()).isEqualTo(403);
		assertThat(get("/admin/users").statusCode()).isEqualTo(403);
		assertThat(postForm("/admin/users", "username=eve&password=long-enough&role=ADMIN&_csrf=" + csrf("/"))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void shouldLetOrganizersIntoAdminPages() throws Exception {
		User user = this.fixtures.user(Role.ADMIN, null);
		signIn(user.username(), Fixtures.PASSWORD);
		assertThat(get("/admin/events").statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRefuseAFormWithoutCsrfToken() throws Exception {
		User user = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		signIn(user.username(), Fixtures.PASSWORD);
		HttpResponse<String> forged = postForm("/organization/contacts", "name=Mallory&contactRole=TECHNICAL");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(get("/organization").body()).doesNotContain("Mallory");
	}

	private HttpResponse<String> signIn(String username, String password) throws Exception {
		return postForm("/login", "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf("/login"));
	}

	private String csrf(String page) throws Exception {
		Matcher matcher = CSRF.matcher(get(page).body());
		assertThat(matcher.find()).as("a CSRF token on " + page).isTrue();
		return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(url(path)).build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> postForm(String path, String form) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(url(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form))
			.build(), BodyHandlers.ofString());
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.fixtures.port() + path);
	}

}
