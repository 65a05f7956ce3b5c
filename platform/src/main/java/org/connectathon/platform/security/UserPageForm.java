package org.connectathon.platform.security;

import org.connectathon.platform.security.UserService.NewUser;
import org.jspecify.annotations.Nullable;

/**
 * The new user form of the organizers' page, which names the organization rather than
 * giving its id.
 */
record UserPageForm(@Nullable String username, @Nullable String password, @Nullable String displayName,
		@Nullable Role role, @Nullable String organization) {

	static final UserPageForm EMPTY = new UserPageForm(null, null, null, Role.PARTICIPANT, null);

	NewUser toNewUser() {
		return new NewUser(this.username, this.password, this.displayName, this.role, null);
	}

}
