package org.connectathon.platform.tracks;

import org.connectathon.platform.security.UserService;
import org.springframework.stereotype.Component;

/** The names under which proposals show who submitted and who decided. */
@Component
class ReviewerNames {

	private final UserService users;

	ReviewerNames(UserService users) {
		this.users = users;
	}

	String of(long userId) {
		return this.users.displayName(userId);
	}

}
