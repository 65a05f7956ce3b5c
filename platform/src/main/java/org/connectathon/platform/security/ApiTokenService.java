package org.connectathon.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RecordRowMapper;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Service;

/**
 * Bearer tokens for the JSON API. A token is 32 random bytes; only its SHA-256 is stored,
 * which is enough for a secret of that strength and keeps the check to one indexed
 * look-up.
 */
@Service
public class ApiTokenService {

	private static final String PREFIX = "ctn_";

	/** Writing the last use on every call would turn each API read into a write. */
	private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(5);

	/** Long enough for an event and its preparation; scripts renew their tokens. */
	public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

	public static final Duration MAXIMUM_LIFETIME = Duration.ofDays(365);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	ApiTokenService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates a token for the user with the default lifetime; the returned secret cannot
	 * be recovered later.
	 */
	public CreatedToken create(long userId, String name) {
		return create(userId, name, null, null);
	}

	/**
	 * Creates a token that expires after the lifetime in days or at the time given (at
	 * most one of them; neither means {@link #DEFAULT_LIFETIME}), never later than
	 * {@link #MAXIMUM_LIFETIME} from now.
	 */
	public CreatedToken create(long userId, @Nullable String name, @Nullable Integer lifetimeDays,
			@Nullable OffsetDateTime expiresAt) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<String> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 100) {
			problems.add("name: 1 to 100 characters");
		}
		if (lifetimeDays != null && expiresAt != null) {
			problems.add("lifetimeDays, expiresAt: give one of them, not both");
		}
		if (lifetimeDays != null && (lifetimeDays < 1 || lifetimeDays > MAXIMUM_LIFETIME.toDays())) {
			problems.add("lifetimeDays: 1 to " + MAXIMUM_LIFETIME.toDays());
		}
		if (expiresAt != null && (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAXIMUM_LIFETIME)))) {
			problems.add("expiresAt: a time in the next " + MAXIMUM_LIFETIME.toDays() + " days");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("The token is not valid.", problems);
		}
		OffsetDateTime expiry = (expiresAt != null) ? expiresAt.withOffsetSameInstant(ZoneOffset.UTC)
				: now.plus((lifetimeDays != null) ? Duration.ofDays(lifetimeDays) : DEFAULT_LIFETIME);
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into api_tokens (user_id, name, secret_hash, expires_at)
				values (:userId, :name, :hash, :expiresAt)""")
			.param("userId", userId)
			.param("name", name.strip())
			.param("hash", hash(secret))
			.param("expiresAt", expiry)
			.update(key, "id");
		return new CreatedToken(key.getKeyAs(Long.class), name.strip(), secret, expiry);
	}

	/** The user's tokens, for the user themselves or an organizer. */
	public List<ApiToken> findOwnedBy(SignedInUser requester, long userId) {
		if (requester.id() != userId) {
			requester.requireAdmin();
		}
		return this.jdbc.sql("""
				select id, name, created_at, last_used_at, expires_at from api_tokens
				where user_id = :userId order by created_at, id""")
			.param("userId", userId)
			.query(RecordRowMapper.of(ApiToken.class))
			.list();
	}

	/**
	 * Revokes a token: the requester's own, or anyone's for an organizer. Another user's
	 * token is reported to a non-organizer as unknown, which tells nothing of its
	 * existence.
	 */
	public void revoke(SignedInUser requester, long tokenId) {
		int deleted = this.jdbc.sql("delete from api_tokens where id = :id and (user_id = :userId or :admin)")
			.param("id", tokenId)
			.param("userId", requester.id())
			.param("admin", requester.isAdmin())
			.update();
		if (deleted == 0) {
			throw new NotFoundException("Token", tokenId);
		}
	}

	/**
	 * The owner of the token, if it is one of ours.
	 * @throws CredentialsExpiredException if the token has expired
	 * @throws DisabledException if its owner's account is disabled
	 */
	Optional<SignedInUser> authenticate(String secret) {
		if (!secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Optional<TokenOwner> owner = this.jdbc.sql("""
				select t.id as token_id, t.last_used_at, t.expires_at, u.enabled,
				u.id, u.username, u.display_name, u.role, u.organization_id
				from api_tokens t join users u on u.id = t.user_id
				where t.secret_hash = :hash""")
			.param("hash", hash(secret))
			.query((row, number) -> new TokenOwner(row.getLong("token_id"),
					row.getObject("last_used_at", OffsetDateTime.class),
					row.getObject("expires_at", OffsetDateTime.class), row.getBoolean("enabled"),
					new SignedInUser(row.getLong("id"), row.getString("username"), row.getString("display_name"),
							Role.valueOf(row.getString("role")), row.getObject("organization_id", Long.class), null)))
			.optional();
		if (owner.isEmpty()) {
			return Optional.empty();
		}
		if (!owner.get().enabled()) {
			throw new DisabledException("The account of this API token is disabled.");
		}
		if (!owner.get().expiresAt().isAfter(OffsetDateTime.now())) {
			throw new CredentialsExpiredException("This API token expired on "
					+ owner.get().expiresAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
					+ "; create a new one.");
		}
		recordUse(owner.get());
		return Optional.of(owner.get().user());
	}

	private void recordUse(TokenOwner owner) {
		OffsetDateTime now = OffsetDateTime.now();
		if (owner.lastUsedAt() == null || owner.lastUsedAt().isBefore(now.minus(LAST_USE_RESOLUTION))) {
			this.jdbc.sql("update api_tokens set last_used_at = :now where id = :id")
				.param("now", now)
				.param("id", owner.tokenId())
				.update();
		}
	}

	private static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
		}
	}

	/** A token just created, with its secret. */
	public record CreatedToken(long id, String name, String secret, OffsetDateTime expiresAt) {

	}

	private record TokenOwner(long tokenId, @Nullable OffsetDateTime lastUsedAt, OffsetDateTime expiresAt,
			boolean enabled, SignedInUser user) {

	}

}
