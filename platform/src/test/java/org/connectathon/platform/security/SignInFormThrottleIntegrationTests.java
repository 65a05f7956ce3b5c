package org.connectathon.platform.security;

import java.net.http.HttpResponse;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in form behind the throttle, over real HTTP, with short delays and a lock of
 * two seconds so that the test sees it end. The address limits are out of the way here
 * (every request comes from the loopback address); {@link SignInThrottleTests} counts
 * addresses.
 */
@PlatformIntegrationTest
@TestPropertySource(
		properties = { "connectathon.sign-in.account.free-failures=2", "connectathon.sign-in.account.lock-after=4",
				"connectathon.sign-in.address.free-failures=1000", "connectathon.sign-in.address.lock-after=1000",
				"connectathon.sign-in.first-delay=300ms", "connectathon.sign-in.lock-duration=2s" })
class SignInFormThrottleIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The shared test database: the loopback address's count must not reach other tests.
	 */
	@AfterEach
	void forgetTheLoopbackAddress() {
		this.jdbc.sql("delete from sign_in_failures where subject_kind = 'ADDRESS'").update();
	}

	@Test
	void shouldDelayThenLockThenLetTheRightPasswordInAfterTheLock() throws InterruptedException {
		User user = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		PageClient browser = PageClient.signedOut(this.fixtures.port());

		assertThat(location(browser.signIn(user.username(), "wrong-1"))).endsWith("/login?error");
		assertThat(location(browser.signIn(user.username(), "wrong-2"))).endsWith("/login?error");
		assertThat(location(browser.signIn(user.username(), "wrong-3"))).as("the first delay, rounded up")
			.endsWith("/login?wait=1");
		assertThat(location(browser.signIn(user.username(), Fixtures.PASSWORD))).as("the right password too must wait")
			.endsWith("/login?wait=1");
		assertThat(browser.get("/").statusCode()).as("not signed in").isEqualTo(302);

		Thread.sleep(700);
		// the lock's two seconds, rounded up; a loaded machine may add one
		assertThat(location(browser.signIn(user.username(), "wrong-4"))).as("locked").matches(".*/login\\?wait=[23]");
		assertThat(location(browser.signIn(user.username(), Fixtures.PASSWORD)))
			.as("the right password is refused while locked")
			.matches(".*/login\\?wait=[123]");

		Thread.sleep(2100);
		assertThat(location(browser.signIn(user.username(), Fixtures.PASSWORD))).doesNotContain("login");
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from sign_in_failures where subject = :username")
			.param("username", user.username())
			.query(Long.class)
			.single()).as("success cleared the account's failures").isZero();
	}

	@Test
	void shouldAnswerAnUnknownAccountAsAKnownOne() {
		User user = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		String nobody = "nobody-" + user.username();
		PageClient browser = PageClient.signedOut(this.fixtures.port());
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(location(browser.signIn(nobody, "guess-" + attempt)))
				.isEqualTo(location(browser.signIn(user.username(), "guess-" + attempt)));
		}
	}

	@Test
	void shouldTellToWaitWithoutNamingTheAccount() {
		String page = PageClient.signedOut(this.fixtures.port()).get("/login?wait=7").body();
		assertThat(page).contains("Too many failed sign-ins: wait 7 seconds, then try again.");
		assertThat(PageClient.signedOut(this.fixtures.port()).get("/login?wait=900").body())
			.contains("wait 15 minutes");
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}

}
