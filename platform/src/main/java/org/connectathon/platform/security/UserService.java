package org.connectathon.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: who may sign in, with which role, for which organization. */
@Service
public class UserService implements UserDetailsService {

	static final int MINIMUM_PASSWORD_LENGTH = 8;

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");

	private static final Logger log = LoggerFactory.getLogger(UserService.class);

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final OrganizationDirectory organizations;

	UserService(UserRepository users, PasswordEncoder passwordEncoder, OrganizationDirectory organizations) {
		this.organizations = organizations;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
	}

	/**
	 * Creates a user of the organization of that name, created when missing: both or
	 * neither, so that a refused user leaves no organization behind. For the organizers'
	 * page.
	 */
	@Transactional
	public User create(NewUser user, @Nullable String organizationName, SignedInUser organizer) {
		organizer.requireAdmin();
		Long organizationId = (organizationName == null || organizationName.isBlank()) ? null
				: this.organizations.findOrCreate(organizationName, organizer);
		return create(new NewUser(user.username(), user.password(), user.displayName(), user.role(), organizationId));
	}

	/**
	 * Creates a user. Called by organizers through the API and pages, and by the
	 * {@code admin create-user} command, which acts as the machine's owner.
	 */
	@Transactional
	public User create(NewUser user) {
		List<String> problems = new ArrayList<>();
		if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
			problems.add("username: 2 to 100 letters, digits or . _ @ -");
		}
		if (user.password() == null || user.password().length() < MINIMUM_PASSWORD_LENGTH) {
			problems.add("password: at least " + MINIMUM_PASSWORD_LENGTH + " characters");
		}
		if (user.role() == null) {
			problems.add("role: one of ADMIN, TRACK_LEAD, MONITOR, PARTICIPANT, REVIEWER");
		}
		if (user.role() == Role.PARTICIPANT && user.organizationId() == null) {
			problems.add("organizationId: a participant belongs to an organization");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("The user is not valid.", problems);
		}
		if (this.users.exists(user.username())) {
			throw new RuleViolationException("A user named '" + user.username() + "' already exists.");
		}
		String displayName = (user.displayName() == null || user.displayName().isBlank()) ? user.username()
				: user.displayName().strip();
		try {
			this.users.insert(user.username(), this.passwordEncoder.encode(user.password()), displayName, user.role(),
					user.role() == Role.ADMIN ? null : user.organizationId());
		}
		catch (DataIntegrityViolationException unknownOrganization) {
			throw new NotFoundException("Organization", user.organizationId());
		}
		return this.users.findByUsername(user.username()).orElseThrow();
	}

	public List<User> findAll(SignedInUser requester) {
		requester.requireAdmin();
		return this.users.findAll();
	}

	/**
	 * Disables or enables a user, for organizers. A disabled user cannot sign in, their
	 * page sessions end now (the next request finds no session) and their API tokens are
	 * refused from the next call; enabling them again brings the tokens back.
	 */
	@Transactional
	public User setEnabled(SignedInUser requester, long userId, boolean enabled) {
		requester.requireAdmin();
		if (!enabled && requester.id() == userId) {
			throw new RuleViolationException("You cannot disable your own account.");
		}
		User user = this.users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
		this.users.updateEnabled(userId, enabled);
		int sessions = enabled ? 0 : this.users.deleteSessions(user.username());
		log.info("User '{}' {} by '{}'{}", user.username(), enabled ? "enabled" : "disabled", requester.getUsername(),
				enabled ? "" : ", " + sessions + " session(s) ended");
		return this.users.findById(userId).orElseThrow();
	}

	public boolean hasAnyUser() {
		return this.users.count() > 0;
	}

	/** A user by id, for organizers. */
	public User find(SignedInUser requester, long userId) {
		requester.requireAdmin();
		return this.users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
	}

	/** The name a user goes by on pages, shown to whoever sees what they did. */
	public String displayName(long userId) {
		return this.users.findById(userId)
			.map(User::displayName)
			.orElseThrow(() -> new NotFoundException("User", userId));
	}

	public User find(String username) {
		return this.users.findByUsername(username).orElseThrow(() -> new NotFoundException("User", username));
	}

	@Override
	public SignedInUser loadUserByUsername(String username) {
		return this.users.findForSignIn(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such user: " + username));
	}

	/** What an organizer gives to create a user. */
	public record NewUser(@Nullable String username, @Nullable String password, @Nullable String displayName,
			@Nullable Role role, @Nullable Long organizationId) {

	}

}
