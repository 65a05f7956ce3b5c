package org.connectathon.platform.proxy;

import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.jspecify.annotations.Nullable;

/**
 * Which captures of an event a user may see, applied in SQL by {@link CaptureRepository},
 * since an event holds tens of thousands: organizers see all; a participant those whose
 * sender or receiver system belongs to its organization; a monitor those attached to the
 * instances of the tests it monitors, and those attached to no instance yet, which it may
 * attach by hand to an instance it verifies.
 *
 * @param all every capture of the event
 * @param organizationId the captures sent or received by this organization's systems
 * @param monitorUserId the captures attached to instances of the tests this user monitors
 * @param unattached the captures attached to no instance
 */
public record CaptureVisibility(boolean all, @Nullable Long organizationId, @Nullable Long monitorUserId,
		boolean unattached) {

	/** What the user may see of an event's captures. */
	public static CaptureVisibility of(SignedInUser user) {
		if (user.isAdmin()) {
			return everything();
		}
		if (user.role() == Role.MONITOR) {
			return new CaptureVisibility(false, user.organizationId(), user.id(), true);
		}
		return new CaptureVisibility(false, user.organizationId(), null, false);
	}

	public static CaptureVisibility everything() {
		return new CaptureVisibility(true, null, null, false);
	}

}
