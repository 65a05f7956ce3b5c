package org.connectathon.platform.proxy;

import java.util.concurrent.TimeUnit;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capture writer stores a steady trickle of exchanges in few batches: each batch
 * costs the database a transaction and the correlation a look, whatever its size.
 */
@PlatformIntegrationTest
class CaptureRecorderIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CaptureRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldStoreExchangesThatCameWithinTheLingerAsOneBatch() throws InterruptedException {
		long event = this.fixtures.openEvent().id();

		for (int exchange = 0; exchange < 5; exchange++) {
			this.recorder.record(CaptureViewerFixtures.read(event, null, null,
					CaptureViewerFixtures.NOON.plusSeconds(exchange), 200, "{}", false));
			Thread.sleep(10);
		}

		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (correlated(event, "count(*)") < 5 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(correlated(event, "count(*)")).isEqualTo(5);
		// The correlation marks each batch in one statement, at one time.
		assertThat(correlated(event, "count(distinct correlated_at)")).as("batches").isLessThanOrEqualTo(2);
	}

	private long correlated(long event, String count) {
		return this.jdbc.sql("select " + count + " from captures where event_id = :event and correlated_at is not null")
			.param("event", event)
			.query(Long.class)
			.single();
	}

}
