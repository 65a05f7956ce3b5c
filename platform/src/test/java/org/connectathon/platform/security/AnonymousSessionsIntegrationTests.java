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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions live in the database (Spring Session JDBC): a visitor who has not signed in
 * must not add a row with every page, or anyone could fill the table by reading public
 * pages.
 */
@PlatformIntegrationTest
class AnonymousSessionsIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void shouldKeepNoSessionForAnonymousVisitors() throws Exception {
		Event event = this.fixtures.openEvent();
		assertThat(this.fixtures.admin().post("/api/events/" + event.id() + "/results/publication", Map.of()).status())
			.isEqualTo(200);
		long sessionsBefore = sessions();

		List<HttpResponse<String>> visits = List.of(get("/public/events/" + event.id() + "/results"),
				get("/public/events/0/results"), get("/login"), get("/login?error"), get("/css/connectathon.css"),
				get("/webjars/htmx.org/dist/htmx.min.js"), get("/webjars/htmx-ext-sse/sse.js"),
				get("/events/" + event.id()), get("/no-such-page"), signIn("nobody-" + event.id(), "wrong-password"));

		assertThat(visits).extracting(HttpResponse::statusCode)
			.containsExactly(200, 404, 200, 200, 200, 200, 200, 302, 302, 302);
		assertThat(visits).allSatisfy((visit) -> assertThat(visit.headers().allValues("Set-Cookie"))
			.noneMatch((cookie) -> cookie.startsWith("SESSION=")));
		assertThat(sessions()).as("session rows after anonymous visits").isEqualTo(sessionsBefore);
	}

	@Test
	void shouldStillReturnToTheRequestedPageAfterSignIn() throws Exception {
		Event event = this.fixtures.openEvent();
		User user = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		assertThat(get("/events/" + event.id()).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
		long sessionsBefore = sessions();

		HttpResponse<String> signIn = signIn(user.username(), Fixtures.PASSWORD);

		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).contains("/events/" + event.id()));
		assertThat(get("/events/" + event.id()).statusCode()).isEqualTo(200);
		assertThat(sessions()).as("one session for the sign-in").isEqualTo(sessionsBefore + 1);
	}

	private long sessions() {
		return this.jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	private HttpResponse<String> signIn(String username, String password) throws Exception {
		Matcher csrf = CSRF.matcher(get("/login").body());
		assertThat(csrf.find()).as("a CSRF token on the sign-in page").isTrue();
		return this.browser.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
					+ encode(csrf.group(1))))
			.build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(url(path)).build(), BodyHandlers.ofString());
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.fixtures.port() + path);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
