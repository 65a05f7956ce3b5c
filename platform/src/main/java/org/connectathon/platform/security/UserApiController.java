package org.connectathon.platform.security;

import java.time.OffsetDateTime;
import java.util.List;

import org.connectathon.platform.security.ApiTokenService.CreatedToken;
import org.connectathon.platform.security.UserService.NewUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class UserApiController {

	private final UserService users;

	private final ApiTokenService tokens;

	UserApiController(UserService users, ApiTokenService tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@GetMapping("/me")
	User me(@AuthenticationPrincipal SignedInUser user) {
		return this.users.find(user.getUsername());
	}

	@GetMapping("/users")
	List<User> users(@AuthenticationPrincipal SignedInUser user) {
		return this.users.findAll(user);
	}

	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	User createUser(@RequestBody NewUser newUser, @AuthenticationPrincipal SignedInUser user) {
		user.requireAdmin();
		return this.users.create(newUser);
	}

	@PostMapping("/users/{id}/disable")
	User disableUser(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.users.setEnabled(user, id, false);
	}

	@PostMapping("/users/{id}/enable")
	User enableUser(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.users.setEnabled(user, id, true);
	}

	/** Any user's tokens, for organizers. */
	@GetMapping("/users/{id}/tokens")
	List<ApiToken> usersTokens(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.tokens.findOwnedBy(user, id);
	}

	@GetMapping("/tokens")
	List<ApiToken> tokens(@AuthenticationPrincipal SignedInUser user) {
		return this.tokens.findOwnedBy(user, user.id());
	}

	@PostMapping("/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	CreatedToken createToken(@RequestBody TokenRequest request, @AuthenticationPrincipal SignedInUser user) {
		return this.tokens.create(user.id(), request.name(), request.lifetimeDays(), request.expiresAt());
	}

	/** Revokes one of the caller's tokens, or any token for an organizer. */
	@DeleteMapping("/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeToken(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		this.tokens.revoke(user, id);
	}

	/**
	 * A new token: its name, and optionally its lifetime in days or its expiry (default
	 * 90 days, at most 365).
	 */
	record TokenRequest(@Nullable String name, @Nullable Integer lifetimeDays, @Nullable OffsetDateTime expiresAt) {

	}

}
