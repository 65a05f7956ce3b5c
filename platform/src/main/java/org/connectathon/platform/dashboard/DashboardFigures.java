package org.connectathon.platform.dashboard;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How an event is going, as its dashboard shows it: for the whole event, or for one
 * organization's instances, registrations and systems when {@code organizationId} is set
 * (a participant's view).
 *
 * @param instancesByStatus every status, in the order of the lifecycle, with zero counts
 * @param activity the hours in which something happened, oldest first
 * @param systemsWithoutPartner the first {@value DashboardRepository#LISTED} of them
 * @param slowestTests the {@value DashboardRepository#LISTED} tests whose open instances
 * have not moved for longest
 */
public record DashboardFigures(long eventId, @Nullable Long organizationId, OffsetDateTime computedAt, long instances,
		long critical, List<StatusCount> instancesByStatus, List<HourOfActivity> activity, MonitorQueue monitorQueue,
		List<ActorGrades> grades, List<SystemWithoutPartner> systemsWithoutPartner, List<SlowTest> slowestTests) {

}
