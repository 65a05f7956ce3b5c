package org.connectathon.platform.dashboard;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.RepositoryTest;
import org.connectathon.platform.TableRows;
import org.connectathon.platform.TableRows.TestWithRole;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's queries on an event of a large Connectathon's size: 50,000 instances of
 * 20 organizations over five days, each with its history. The figures agree with what was
 * written, and each query's time is printed, for docs/running-an-event.md.
 */
@RepositoryTest
@Import(DashboardRepository.class)
class DashboardRepositoryTests {

	static final int INSTANCES = 50_000;

	static final int ORGANIZATIONS = 20;

	/** Far above the ids that the other tests' rows take, which this test's rows keep. */
	static final long FIRST_ID = 2_000_000_000L;

	@Autowired
	DashboardRepository dashboard;

	@Autowired
	TableRows rows;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	long event;

	List<Long> organizations = new ArrayList<>();

	OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

	@BeforeEach
	void anEventOf50000Instances() {
		this.event = this.rows.event();
		TestWithRole test = this.rows.testWithRole(this.event);
		long organizer = this.rows.organizer();
		List<Long> systems = new ArrayList<>();
		for (int organization = 0; organization < ORGANIZATIONS; organization++) {
			long id = this.rows.organization();
			this.organizations.add(id);
			systems.add(insert("""
					insert into systems (event_id, organization_id, name, status)
					values (:event, :organization, :name, 'PUBLISHED')""",
					Map.of("event", this.event, "organization", id, "name", Fixtures.unique("System"))));
		}
		TestInstanceStatus[] statuses = TestInstanceStatus.values();
		List<Object[]> instances = new ArrayList<>();
		List<Object[]> participants = new ArrayList<>();
		List<Object[]> changes = new ArrayList<>();
		for (int i = 0; i < INSTANCES; i++) {
			long id = FIRST_ID + i;
			TestInstanceStatus status = statuses[i % statuses.length];
			// spread over five days, one instance every 8.64 seconds
			OffsetDateTime started = this.now.minusSeconds(432_000L * (i + 1) / INSTANCES);
			OffsetDateTime changed = started.plusSeconds(60);
			instances.add(new Object[] { id, test.testId(), this.event, status.name(), i % 100 == 0, organizer, started,
					changed });
			participants.add(new Object[] { id, test.roleId(), systems.get(i % ORGANIZATIONS),
					this.organizations.get(i % ORGANIZATIONS) });
			changes.add(new Object[] { id, started, "STARTED", null, "RUNNING" });
			if (status != TestInstanceStatus.RUNNING) {
				changes.add(new Object[] { id, changed, "STATUS", "RUNNING", status.name() });
			}
		}
		this.template.batchUpdate("""
				insert into test_instances (id, test_id, event_id, status, critical, started_by, started_at,
				status_changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)""", instances);
		this.template.batchUpdate("""
				insert into test_instance_systems (test_instance_id, test_role_id, system_id, organization_id)
				values (?, ?, ?, ?)""", participants);
		this.template.batchUpdate("""
				insert into test_instance_changes (test_instance_id, changed_at, user_id, user_name, action,
				from_status, to_status) values (?, ?, 1, 'Olivia', ?, ?, ?)""", changes);
	}

	@Test
	void shouldCountFiftyThousandInstancesInAFewRows() {
		long perStatus = INSTANCES / TestInstanceStatus.values().length;

		List<DashboardRepository.StatusRow> byStatus = timed("instances by status",
				() -> this.dashboard.countByStatus(this.event, null));
		List<HourOfActivity> activity = timed("activity by hour",
				() -> this.dashboard.activityByHour(this.event, null));
		MonitorQueue queue = timed("monitors' queue", () -> this.dashboard.monitorQueue(this.event, null, this.now));
		List<SlowTest> slowest = timed("slowest tests", () -> this.dashboard.slowestTests(this.event, null));
		List<ActorGrades> grades = timed("grades by actor",
				() -> this.dashboard.gradesByActor(this.event, null, "AT_RISK"));
		List<SystemWithoutPartner> lonely = timed("systems without a partner",
				() -> this.dashboard.systemsWithoutPartner(this.event, null));
		List<DashboardRepository.StatusRow> ofOneOrganization = timed("instances by status, one organization",
				() -> this.dashboard.countByStatus(this.event, this.organizations.get(0)));
		timed("activity by hour, one organization",
				() -> this.dashboard.activityByHour(this.event, this.organizations.get(0)));

		assertThat(byStatus.stream().mapToLong(DashboardRepository.StatusRow::instances).sum()).isEqualTo(INSTANCES);
		assertThat(byStatus).allSatisfy((row) -> assertThat(row.instances()).isBetween(perStatus, perStatus + 1));
		assertThat(byStatus.stream().mapToLong(DashboardRepository.StatusRow::critical).sum())
			.isEqualTo(INSTANCES / 100);
		assertThat(activity).hasSizeBetween(120, 122);
		assertThat(activity.stream().mapToLong(HourOfActivity::started).sum()).isEqualTo(INSTANCES);
		assertThat(activity.stream().mapToLong(HourOfActivity::verified).sum()).isBetween(perStatus, perStatus + 1);
		assertThat(queue.waiting()).isBetween(2 * perStatus, 2 * perStatus + 2);
		assertThat(queue.waitingOver4Hours() + queue.waiting1To4Hours() + queue.waiting15To60Minutes()
				+ queue.waitingUnder15Minutes())
			.isEqualTo(queue.waiting());
		assertThat(slowest).hasSize(1);
		assertThat(slowest.get(0).openInstances()).isBetween(3 * perStatus, 3 * perStatus + 3);
		assertThat(grades).isEmpty();
		assertThat(lonely).isEmpty();
		assertThat(ofOneOrganization.stream().mapToLong(DashboardRepository.StatusRow::instances).sum())
			.isEqualTo(INSTANCES / ORGANIZATIONS);
	}

	/** Runs the query twice, the first to warm up, and prints the second's time. */
	private static <T> T timed(String figure, Supplier<T> query) {
		query.get();
		long start = System.nanoTime();
		T answer = query.get();
		System.out.printf("dashboard, %d instances: %s in %d ms%n", INSTANCES, figure,
				(System.nanoTime() - start) / 1_000_000);
		return answer;
	}

	private long insert(String sql, Map<String, ?> parameters) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql(sql).params(parameters).update(key, "id");
		return key.getKeyAs(Long.class);
	}

}
