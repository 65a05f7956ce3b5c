package org.connectathon.platform.testing;

import java.time.OffsetDateTime;
import java.util.List;

import org.connectathon.platform.RepositoryTest;
import org.connectathon.platform.TableRows;
import org.connectathon.platform.TableRows.TestWithRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The status guard and the monitors' worklist query, on the Flyway schema. */
@RepositoryTest
@Import(TestInstanceRepository.class)
class TestInstanceRepositoryTests {

	@Autowired
	TestInstanceRepository instances;

	@Autowired
	TableRows rows;

	@Autowired
	JdbcClient jdbc;

	long event;

	TestWithRole test;

	@BeforeEach
	void aPeerToPeerTestOfAnEvent() {
		this.event = this.rows.event();
		this.test = this.rows.testWithRole(this.event);
	}

	@Test
	void shouldChangeTheStatusOnlyWhenItIsStillTheExpectedOne() {
		long instance = this.rows.instance(this.test.testId(), this.event, "RUNNING");

		assertThat(this.instances.updateStatus(instance, TestInstanceStatus.RUNNING, TestInstanceStatus.PAUSED,
				OffsetDateTime.now()))
			.isTrue();
		assertThat(this.instances.updateStatus(instance, TestInstanceStatus.RUNNING, TestInstanceStatus.TO_BE_VERIFIED,
				OffsetDateTime.now()))
			.as("a second change that expected the status the first one changed")
			.isFalse();
		assertThat(this.instances.find(instance))
			.hasValueSatisfying((changed) -> assertThat(changed.status()).isEqualTo(TestInstanceStatus.PAUSED));
	}

	@Test
	void shouldListWhatWaitsForAMonitorCriticalFirstThenTheLongestWaiting() {
		long waitingLongest = instance("TO_BE_VERIFIED", 30);
		long partlyVerified = instance("PARTIALLY_VERIFIED", 20);
		long waiting = instance("TO_BE_VERIFIED", 10);
		long critical = instance("RUNNING", 5);
		this.jdbc.sql("update test_instances set critical = true where id = :id").param("id", critical).update();
		instance("RUNNING", 40);
		instance("VERIFIED", 50);
		instance("ABORTED", 60);

		assertThat(ids(this.instances.findAwaitingVerification(this.event, List.of(this.test.testId()), null, 0, 10)))
			.containsExactly(critical, waitingLongest, partlyVerified, waiting);
		assertThat(ids(this.instances.findAwaitingVerification(this.event, List.of(this.test.testId()), null, 1, 2)))
			.containsExactly(waitingLongest, partlyVerified);
		assertThat(this.instances.countAwaitingVerification(this.event, List.of(this.test.testId()), null))
			.isEqualTo(4);
		assertThat(this.instances.findAwaitingVerification(this.event, List.of(), null, 0, 10)).isEmpty();
	}

	@Test
	void shouldHideFromAMonitorTheInstancesTheirOwnOrganizationTakesPartIn() {
		long monitorsOrganization = this.rows.organization();
		long ownInstance = instance("TO_BE_VERIFIED", 20);
		this.rows.participant(ownInstance, this.event, this.test.roleId(), monitorsOrganization);
		long othersInstance = instance("TO_BE_VERIFIED", 10);
		this.rows.participant(othersInstance, this.event, this.test.roleId(), this.rows.organization());

		List<TestInstance> shown = this.instances.findAwaitingVerification(this.event, List.of(this.test.testId()),
				monitorsOrganization, 0, 10);

		assertThat(ids(shown)).containsExactly(othersInstance);
		assertThat(shown.get(0).participants()).hasSize(1);
		assertThat(
				this.instances.countAwaitingVerification(this.event, List.of(this.test.testId()), monitorsOrganization))
			.isEqualTo(1);
	}

	/** An instance whose status changed that many minutes ago. */
	private long instance(String status, int minutesAgo) {
		long instance = this.rows.instance(this.test.testId(), this.event, status);
		this.jdbc.sql("""
				update test_instances set status_changed_at = current_timestamp
				- cast(:minutes as integer) * interval '1' minute where id = :id""")
			.param("minutes", minutesAgo)
			.param("id", instance)
			.update();
		return instance;
	}

	private static List<Long> ids(List<TestInstance> instances) {
		return instances.stream().map(TestInstance::id).toList();
	}

}
