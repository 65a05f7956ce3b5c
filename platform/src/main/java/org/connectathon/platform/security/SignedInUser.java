package org.connectathon.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.connectathon.platform.ForbiddenException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The user behind a request, signed in with a password or an API token. Services receive
 * it and ask it the authorization questions, so that every write is checked on the
 * server.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

	private final long id;

	private final String username;

	private final String displayName;

	private final Role role;

	private final @Nullable Long organizationId;

	private @Nullable String passwordHash;

	public SignedInUser(long id, String username, String displayName, Role role, @Nullable Long organizationId,
			@Nullable String passwordHash) {
		this.id = id;
		this.username = Objects.requireNonNull(username);
		this.displayName = Objects.requireNonNull(displayName);
		this.role = Objects.requireNonNull(role);
		this.organizationId = organizationId;
		this.passwordHash = passwordHash;
	}

	/**
	 * Whoever runs the {@code connectathon} command on the server's own machine: the
	 * {@code admin} commands and the demo seeder act as an organizer.
	 */
	public static SignedInUser machineOwner() {
		return new SignedInUser(0, "console", "Server console", Role.ADMIN, null, null);
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	public @Nullable Long organizationId() {
		return this.organizationId;
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	/** Admins act for every organization; a participant only for its own. */
	public boolean actsFor(long organizationId) {
		return isAdmin() || (this.role == Role.PARTICIPANT && this.organizationId != null
				&& this.organizationId == organizationId);
	}

	public void requireAdmin() {
		if (!isAdmin()) {
			throw new ForbiddenException("Only organizers (admin role) may do this.");
		}
	}

	public void requireActsFor(long organizationId) {
		if (!actsFor(organizationId)) {
			throw new ForbiddenException("You may only change your own organization's data.");
		}
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInUser user && user.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

}
