package org.connectathon.platform.evidence;

import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.jspecify.annotations.Nullable;

/**
 * Which evidence of an event a user finds in the event's list, applied in SQL by
 * {@link EvidenceRepository}: organizers all; a participant the evidence of the instances
 * its organization takes part in; a monitor that of the instances of the tests it
 * monitors. The same readers as those of what tools report on an instance (see
 * {@code TestInstanceService#maySeeToolReports}), since evidence quotes what the systems
 * exchanged.
 *
 * @param all every piece of evidence of the event
 * @param organizationId the evidence of instances this organization takes part in
 * @param monitorUserId the evidence of instances of the tests this user monitors
 */
record EvidenceVisibility(boolean all, @Nullable Long organizationId, @Nullable Long monitorUserId) {

	static EvidenceVisibility of(SignedInUser user) {
		if (user.isAdmin()) {
			return new EvidenceVisibility(true, null, null);
		}
		return new EvidenceVisibility(false, user.organizationId(), (user.role() == Role.MONITOR) ? user.id() : null);
	}

}
