package org.connectathon.platform.proxy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.connectathon.platform.RepositoryTest;
import org.connectathon.platform.TableRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validation queue of captures on the Flyway schema: which captures a validator
 * takes, that no two take the same, how the claims of a node that went silent or stopped
 * come back, and that an outcome is stored once.
 */
@RepositoryTest
@Import({ CaptureValidationRepository.class, CaptureRepository.class })
class CaptureValidationRepositoryTests {

	private static final Duration GRACE = Duration.ofMinutes(1);

	private static final Duration STALE_AFTER = Duration.ofMinutes(10);

	@Autowired
	CaptureValidationRepository queue;

	@Autowired
	CaptureRepository captures;

	@Autowired
	TableRows rows;

	@Autowired
	JdbcClient jdbc;

	long event;

	@BeforeEach
	void anEvent() {
		this.event = this.rows.event();
		// Captures that other tests left pending would come first; this transaction is
		// rolled back.
		this.jdbc.sql("update captures set validation_status = 'SKIPPED' where validation_status = 'PENDING'").update();
	}

	@Test
	void shouldGiveTheOldestPendingCapturesToOneValidatorOnly() {
		List<Long> stored = store(3);

		List<Long> first = this.queue.claim(2, GRACE, STALE_AFTER);
		List<Long> second = this.queue.claim(2, GRACE, STALE_AFTER);

		assertThat(first).containsExactly(stored.get(0), stored.get(1));
		assertThat(second).containsExactly(stored.get(2));
		assertThat(this.queue.claim(2, GRACE, STALE_AFTER)).isEmpty();
	}

	@Test
	void shouldTakeBackTheClaimOfANodeThatWentSilent() {
		long capture = store(1).get(0);
		this.jdbc.sql("update captures set validation_claimed_at = :then where id = :id")
			.param("then", OffsetDateTime.now(ZoneOffset.UTC).minus(STALE_AFTER).minusMinutes(1))
			.param("id", capture)
			.update();

		assertThat(this.queue.claim(5, GRACE, STALE_AFTER)).containsExactly(capture);
	}

	@Test
	void shouldWaitForTheCorrelationWithinItsGrace() {
		long waiting = store(1, OffsetDateTime.now(ZoneOffset.UTC)).get(0);
		long correlated = store(1, OffsetDateTime.now(ZoneOffset.UTC)).get(0);
		this.jdbc.sql("update captures set correlated_at = current_timestamp where id = :id")
			.param("id", correlated)
			.update();

		assertThat(this.queue.claim(5, GRACE, STALE_AFTER)).containsExactly(correlated).doesNotContain(waiting);
	}

	@Test
	void shouldGiveBackReleasedClaims() {
		List<Long> stored = store(2);
		List<Long> claimed = this.queue.claim(5, GRACE, STALE_AFTER);

		this.queue.release(List.of(stored.get(1)));

		assertThat(claimed).isEqualTo(stored);
		assertThat(this.queue.claim(5, GRACE, STALE_AFTER)).containsExactly(stored.get(1));
	}

	@Test
	void shouldStoreEachOutcomeOnce() {
		List<Long> stored = store(2);
		this.queue.claim(5, GRACE, STALE_AFTER);
		this.jdbc.sql("update captures set validation_status = 'SKIPPED', validation_claimed_at = null where id = :id")
			.param("id", stored.get(1))
			.update();

		this.queue.recordAll(Map.of(stored.get(0),
				CaptureValidation.of(List.of(new CaptureValidationIssue(CaptureValidationIssue.RESPONSE, "error",
						"Patient.birthDate", 1, 60, "Not a valid date"))),
				stored.get(1), CaptureValidation.of(List.of())));

		assertThat(this.captures.findAll(stored)).satisfiesExactly((first) -> {
			assertThat(first.validationStatus()).isEqualTo(CaptureValidationStatus.INVALID);
			assertThat(first.validationErrors()).isEqualTo(1);
		}, (second) -> assertThat(second.validationStatus()).isEqualTo(CaptureValidationStatus.SKIPPED));
		assertThat(this.queue.claim(5, GRACE, STALE_AFTER)).isEmpty();
	}

	private List<Long> store(int count) {
		return store(count, CaptureViewerFixtures.NOON);
	}

	private List<Long> store(int count, OffsetDateTime at) {
		return this.captures
			.insertAll(IntStream.range(0, count)
				.mapToObj((index) -> CaptureViewerFixtures.read(this.event, null, null, at.plusSeconds(index), 200,
						CaptureViewerFixtures.PATIENT, false))
				.toList())
			.stream()
			.map(Capture::id)
			.toList();
	}

}
