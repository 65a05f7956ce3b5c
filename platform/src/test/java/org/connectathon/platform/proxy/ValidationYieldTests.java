package org.connectathon.platform.proxy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validation of captures gives way to exchanges only while both hold: the node
 * forwarded one within the last second, and the machine's processors are busy; and never
 * for longer than the longest wait.
 */
class ValidationYieldTests {

	private static final long JUST_NOW = Duration.ofMillis(50).toNanos();

	private static final long TWO_SECONDS_AGO = Duration.ofSeconds(2).toNanos();

	private static final Duration LONGEST = Duration.ofSeconds(30);

	@Test
	void shouldWaitWhileTheNodeForwardsAndTheProcessorsAreBusy() {
		ValidationYield yield = new ValidationYield(() -> 0.97, () -> JUST_NOW, 0.9, LONGEST);

		assertThat(yield.shouldWait(Duration.ZERO)).isTrue();
		assertThat(yield.shouldWait(Duration.ofSeconds(29))).isTrue();
	}

	@Test
	void shouldValidateAnywayOnceItWaitedTheLongestWait() {
		ValidationYield yield = new ValidationYield(() -> 0.97, () -> JUST_NOW, 0.9, LONGEST);

		assertThat(yield.shouldWait(LONGEST)).isFalse();
	}

	@Test
	void shouldNotWaitWhenTheProcessorsHaveRoom() {
		ValidationYield yield = new ValidationYield(() -> 0.6, () -> JUST_NOW, 0.9, LONGEST);

		assertThat(yield.shouldWait(Duration.ZERO)).isFalse();
	}

	@Test
	void shouldNotWaitForOtherWorkWhenTheNodeForwardsNothing() {
		ValidationYield yield = new ValidationYield(() -> 1.0, () -> TWO_SECONDS_AGO, 0.9, LONGEST);

		assertThat(yield.shouldWait(Duration.ZERO)).isFalse();
	}

	@Test
	void shouldNotWaitWhereTheLoadIsUnknownOrTheSettingSaysNever() {
		assertThat(new ValidationYield(() -> -1, () -> JUST_NOW, 0.9, LONGEST).shouldWait(Duration.ZERO)).isFalse();
		assertThat(new ValidationYield(() -> 1.0, () -> JUST_NOW, 1.01, LONGEST).shouldWait(Duration.ZERO)).isFalse();
	}

}
