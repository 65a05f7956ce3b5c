package org.connectathon.platform.automation;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.connectathon.platform.RepositoryTest;
import org.connectathon.platform.TableRows;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The script run queue on the Flyway schema: who takes a run, who may change it, and how
 * the runs of a node that went silent come back.
 */
@RepositoryTest
@Import(ScriptRunRepository.class)
class ScriptRunRepositoryTests {

	@Autowired
	ScriptRunRepository runs;

	@Autowired
	TableRows rows;

	@Autowired
	JdbcClient jdbc;

	long instance;

	long script;

	@BeforeEach
	void anInstanceOfATestWithAScript() {
		long event = this.rows.event();
		this.instance = this.rows.instance(this.rows.testWithRole(event).testId(), event, "RUNNING");
		this.script = this.rows.testScript(event);
		// Runs that other tests left queued would come first; this transaction is rolled
		// back.
		this.jdbc.sql("update script_runs set status = 'ERROR' where status = 'QUEUED'").update();
	}

	@Test
	void shouldGiveTheOldestQueuedRunToOneNodeOnly() {
		long older = queue();
		long newer = queue();

		Optional<ScriptRun> first = this.runs.claimNext("node-a");
		Optional<ScriptRun> second = this.runs.claimNext("node-b");

		assertThat(first).hasValueSatisfying((run) -> {
			assertThat(run.id()).isEqualTo(older);
			assertThat(run.status()).isEqualTo(ScriptRunStatus.RUNNING);
			assertThat(run.attempts()).isEqualTo(1);
		});
		assertThat(second).map(ScriptRun::id).hasValue(newer);
		assertThat(this.runs.claimNext("node-c")).isEmpty();
		assertThat(node(older)).isEqualTo("node-a");
	}

	@Test
	void shouldLetOnlyTheNodeThatHoldsARunReportOnItAndEndIt() {
		long run = queue();
		this.runs.claimNext("node-a");

		this.runs.updateProgress(run, "node-b", 2, "setup: create");
		assertThat(this.runs.find(run).orElseThrow().actionsFinished()).as("progress from another node").isZero();
		this.runs.updateProgress(run, "node-a", 1, "setup: create");
		assertThat(this.runs.find(run).orElseThrow().actionsFinished()).isEqualTo(1);

		assertThat(this.runs.finish(run, "node-b", ScriptRunStatus.PASSED, "3 of 3 actions passed.")).isFalse();
		assertThat(this.runs.finish(run, "node-a", ScriptRunStatus.FAILED, "1 of 3 actions passed.")).isTrue();
		assertThat(this.runs.finish(run, "node-a", ScriptRunStatus.PASSED, "again")).as("a run ends once").isFalse();
		ScriptRun ended = this.runs.find(run).orElseThrow();
		assertThat(ended.status()).isEqualTo(ScriptRunStatus.FAILED);
		assertThat(ended.message()).isEqualTo("1 of 3 actions passed.");
		assertThat(ended.finishedAt()).isNotNull();
	}

	@Test
	void shouldRequeueTheRunsOfASilentNodeAndEndThoseStartedTooOften() {
		long silentOnce = running("node-silent", 1, Duration.ofMinutes(10));
		long silentTwice = running("node-silent", 2, Duration.ofMinutes(10));
		long alive = running("node-alive", 1, Duration.ofSeconds(5));

		Set<Long> recovered = this.runs.recoverAbandoned(Duration.ofMinutes(2), 2);

		assertThat(recovered).as("the instances whose pages change").contains(this.instance);
		ScriptRun requeued = this.runs.find(silentOnce).orElseThrow();
		assertThat(requeued.status()).isEqualTo(ScriptRunStatus.QUEUED);
		assertThat(requeued.actionsFinished()).isZero();
		assertThat(node(silentOnce)).isNull();
		ScriptRun ended = this.runs.find(silentTwice).orElseThrow();
		assertThat(ended.status()).isEqualTo(ScriptRunStatus.ERROR);
		assertThat(ended.message()).contains("stopped 2 times");
		assertThat(this.runs.find(alive).orElseThrow().status()).isEqualTo(ScriptRunStatus.RUNNING);
		assertThat(this.runs.claimNext("node-alive")).map(ScriptRun::id).hasValue(silentOnce);
	}

	@Test
	void shouldPutTheRunsOfAStoppingNodeBackInTheQueue() {
		long held = running("node-stopping", 1, Duration.ofSeconds(1));
		long others = running("node-other", 1, Duration.ofSeconds(1));

		assertThat(this.runs.requeueHeldBy("node-stopping")).isEqualTo(1);

		assertThat(this.runs.find(held).orElseThrow().status()).isEqualTo(ScriptRunStatus.QUEUED);
		assertThat(this.runs.find(others).orElseThrow().status()).isEqualTo(ScriptRunStatus.RUNNING);
	}

	private long queue() {
		return this.runs.insert(this.instance, 1, this.script, "a-script", "http://localhost:1/fhir", 3, 0, "Alice");
	}

	/** A run that the node started that many times, last heard from that long ago. */
	private long running(String node, int attempts, Duration silentFor) {
		long run = queue();
		this.jdbc.sql("""
				update script_runs set status = 'RUNNING', node = :node, attempts = :attempts, actions_finished = 2,
				started_at = current_timestamp, heartbeat_at = current_timestamp
				- cast(:seconds as integer) * interval '1' second where id = :id""")
			.param("node", node)
			.param("attempts", attempts)
			.param("seconds", silentFor.toSeconds())
			.param("id", run)
			.update();
		return run;
	}

	/** The node that holds the run, null when none does. */
	private @Nullable String node(long run) {
		return this.jdbc.sql("select node from script_runs where id = :id")
			.param("id", run)
			.query((row, number) -> row.getString("node"))
			.list()
			.get(0);
	}

}
