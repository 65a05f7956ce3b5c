package org.connectathon.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.security.SignInThrottle.Limits;
import org.connectathon.platform.security.SignInThrottle.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's counts in the real database (H2, or PostgreSQL in that run of the
 * suite), with a clock the test moves instead of waiting.
 */
@PlatformIntegrationTest
class SignInThrottleTests {

	static final Settings SETTINGS = new Settings(new Limits(3, 9), new Limits(5, 12), Duration.ofSeconds(1),
			Duration.ofSeconds(10), Duration.ofMinutes(15));

	@Autowired
	JdbcClient jdbc;

	final MovableClock clock = new MovableClock();

	SignInThrottle throttle;

	String account;

	String address;

	@BeforeEach
	void throttle() {
		this.throttle = new SignInThrottle(this.jdbc, SETTINGS, this.clock);
		this.account = Fixtures.unique("user").replace(' ', '-');
		// a made-up address of its own, so that no other test's failures count here
		this.address = "192.0.2.1-" + this.account;
	}

	@Test
	void shouldLetTheFreeFailuresThroughAndThenDoubleTheDelay() {
		for (int failure = 1; failure <= 3; failure++) {
			assertThat(this.throttle.recordFailure(this.account, this.address)).isZero();
			assertThat(this.throttle.waitBefore(this.account, this.address)).isEmpty();
		}
		assertThat(this.throttle.recordFailure(this.account, this.address)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.waitBefore(this.account, this.address)).contains(Duration.ofSeconds(1));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.waitBefore(this.account, this.address)).isEmpty();

		assertThat(this.throttle.recordFailure(this.account, this.address)).isEqualTo(Duration.ofSeconds(2));
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.throttle.recordFailure(this.account, this.address)).isEqualTo(Duration.ofSeconds(4));
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(this.throttle.recordFailure(this.account, this.address)).isEqualTo(Duration.ofSeconds(8));
		this.clock.advance(Duration.ofSeconds(8));
		assertThat(this.throttle.recordFailure(this.account, this.address)).as("at most the maximum delay")
			.isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void shouldLockAfterTheLimitAndUnlockAfterTheLockDuration() {
		failUntilLocked();

		assertThat(this.throttle.waitBefore(this.account, this.address)).contains(Duration.ofMinutes(15));
		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.throttle.waitBefore(this.account, this.address)).contains(Duration.ofMinutes(1));
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.throttle.waitBefore(this.account, this.address)).isEmpty();
		assertThat(this.throttle.recordFailure(this.account, this.address + "-later"))
			.as("after the lock the count starts again, with its free failures")
			.isZero();
	}

	@Test
	void shouldNotCountAttemptsRefusedForWaiting() {
		failUntilLocked();
		for (int attempt = 0; attempt < 20; attempt++) {
			this.clock.advance(Duration.ofSeconds(30));
			assertThat(this.throttle.waitBefore(this.account, this.address)).isPresent();
		}
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.throttle.waitBefore(this.account, this.address)).as("the lock was not prolonged").isEmpty();
	}

	@Test
	void shouldClearTheAccountsFailuresOnSuccess() {
		for (int failure = 1; failure <= 5; failure++) {
			this.throttle.recordFailure(this.account, this.address + failure);
			this.clock.advance(Duration.ofSeconds(10));
		}
		this.throttle.recordSuccess(this.account);
		assertThat(this.throttle.recordFailure(this.account, this.address + "-later")).isZero();
	}

	@Test
	void shouldForgetFailuresAfterALongQuiet() {
		for (int failure = 1; failure <= 5; failure++) {
			this.throttle.recordFailure(this.account, this.address + failure);
		}
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.throttle.recordFailure(this.account, this.address)).isZero();
	}

	@Test
	void shouldCountFailuresPerAddressAcrossAccounts() {
		for (int account = 1; account <= 5; account++) {
			assertThat(this.throttle.recordFailure(this.account + account, this.address)).isZero();
		}
		assertThat(this.throttle.recordFailure(this.account + 6, this.address)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.waitBefore("anyone-else", this.address)).as("the address waits, whoever signs in")
			.contains(Duration.ofSeconds(1));
		assertThat(this.throttle.waitBefore(this.account + 1, "203.0.113.7")).as("the accounts did not fail enough")
			.isEmpty();

		for (int account = 7; account <= 12; account++) {
			this.clock.advance(Duration.ofSeconds(10));
			this.throttle.recordFailure(this.account + account, this.address);
		}
		assertThat(this.throttle.waitBefore("anyone-else", this.address)).contains(Duration.ofMinutes(15));
	}

	@Test
	void shouldAnswerAnUnknownAccountLikeAKnownOne() {
		String nobody = "nobody-" + this.account;
		for (int failure = 1; failure <= 4; failure++) {
			this.throttle.recordFailure(nobody, this.address + "a");
			this.throttle.recordFailure(this.account, this.address + "b");
		}
		assertThat(this.throttle.waitBefore(nobody, "203.0.113.8"))
			.isEqualTo(this.throttle.waitBefore(this.account, "203.0.113.8"))
			.isPresent();
	}

	private void failUntilLocked() {
		for (int failure = 1; failure <= 9; failure++) {
			Optional<Duration> wait = this.throttle.waitBefore(this.account, this.address);
			wait.ifPresent(this.clock::advance);
			this.throttle.recordFailure(this.account, this.address);
		}
	}

	/** A clock that stands still until the test moves it. */
	static final class MovableClock extends Clock {

		// whole seconds: the database keeps microseconds at most
		private Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
