package org.connectathon.platform.testing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The filters on test instances that lists share, as SQL conditions on the instance
 * {@code i} ({@code test_instances}) of the event named {@code :eventId}: the instance
 * list and the evidence list filter the same way, so that a filter means the same on
 * both.
 */
public final class InstanceConditions {

	private InstanceConditions() {
	}

	/**
	 * Appends a condition for each filter given, and its parameter.
	 * @param status the instance's status
	 * @param profile the keyword of a profile one of the test's roles is in
	 * @param organizationId an organization whose system takes part
	 * @param table a {@code like} pattern (lower case, escaped) of a taking part system's
	 * table location
	 */
	public static void append(StringBuilder where, Map<String, Object> parameters, @Nullable TestInstanceStatus status,
			@Nullable String profile, @Nullable Long organizationId, @Nullable String table) {
		if (status != null) {
			where.append(" and i.status = :status");
			parameters.put("status", status.name());
		}
		if (profile != null) {
			where.append("""
					 and i.test_id in (select r.test_id from test_roles r join actors a on a.id = r.actor_id
					join profiles p on p.id = a.profile_id where p.keyword = :profile)""");
			parameters.put("profile", profile);
		}
		if (organizationId != null) {
			where.append(" and i.id in (select test_instance_id from test_instance_systems"
					+ " where organization_id = :organizationId)");
			parameters.put("organizationId", organizationId);
		}
		if (table != null) {
			where.append("""
					 and i.id in (select p.test_instance_id from test_instance_systems p
					join systems s on s.id = p.system_id
					where s.event_id = :eventId and lower(s.table_location) like :table escape '\\')""");
			parameters.put("table", table);
		}
	}

}
