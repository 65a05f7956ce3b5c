package org.connectathon.platform.dashboard;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.connectathon.platform.dashboard.DashboardRepository.StatusRow;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an event is going. Organizers, track leads, monitors and reviewers see the whole
 * event; a participant sees its own organization's instances, registrations and systems
 * only, as on the results matrix.
 */
@Service
public class DashboardService {

	private final DashboardRepository dashboard;

	private final EventService events;

	DashboardService(DashboardRepository dashboard, EventService events) {
		this.dashboard = dashboard;
		this.events = events;
	}

	/** The figures read in one transaction, so that they agree with each other. */
	@Transactional(readOnly = true)
	public DashboardFigures figures(long eventId, SignedInUser user) {
		Event event = this.events.find(eventId, user);
		Long organizationId = scope(user);
		OffsetDateTime now = OffsetDateTime.now();
		List<StatusRow> rows = this.dashboard.countByStatus(eventId, organizationId);
		List<StatusCount> byStatus = byStatus(rows);
		long critical = rows.stream().mapToLong(StatusRow::critical).sum();
		return new DashboardFigures(eventId, organizationId, now,
				byStatus.stream().mapToLong(StatusCount::instances).sum(), critical, byStatus,
				this.dashboard.activityByHour(eventId, organizationId),
				this.dashboard.monitorQueue(eventId, organizationId, now),
				this.dashboard.gradesByActor(eventId, organizationId,
						// A grade computed while the event ran becomes final when it
						// closes.
						(event.status() == EventStatus.CLOSED) ? "DID_NOT_COMPLETE" : "AT_RISK"),
				this.dashboard.systemsWithoutPartner(eventId, organizationId),
				this.dashboard.slowestTests(eventId, organizationId));
	}

	/** The organization whose figures a participant sees; nobody else is limited. */
	private static @Nullable Long scope(SignedInUser user) {
		return (user.role() == Role.PARTICIPANT) ? user.organizationId() : null;
	}

	private static List<StatusCount> byStatus(List<StatusRow> rows) {
		Map<String, Long> counts = rows.stream()
			.collect(Collectors.toMap(StatusRow::status, StatusRow::instances, Long::sum));
		return Arrays.stream(TestInstanceStatus.values())
			.map((status) -> new StatusCount(status, counts.getOrDefault(status.name(), 0L)))
			.toList();
	}

}
