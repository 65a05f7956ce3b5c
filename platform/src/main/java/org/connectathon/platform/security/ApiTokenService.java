package org.connectathon.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RecordRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	ApiTokenService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates a token for the user; the returned secret cannot be recovered later. */
	public CreatedToken create(long userId, String name) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInputException("A token needs a name of 1 to 100 characters.");
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("insert into api_tokens (user_id, name, secret_hash) values (:userId, :name, :hash)")
			.param("userId", userId)
			.param("name", name.strip())
			.param("hash", hash(secret))
			.update(key, "id");
		return new CreatedToken(key.getKeyAs(Long.class), name.strip(), secret);
	}

	public List<ApiToken> findOwnedBy(long userId) {
		return this.jdbc.sql("""
				select id, name, created_at, last_used_at from api_tokens
				where user_id = :userId order by created_at, id""")
			.param("userId", userId)
			.query(RecordRowMapper.of(ApiToken.class))
			.list();
	}

	/**
	 * Revokes one of the user's own tokens; another user's token is reported as unknown.
	 */
	public void revoke(long userId, long tokenId) {
		int deleted = this.jdbc.sql("delete from api_tokens where id = :id and user_id = :userId")
			.param("id", tokenId)
			.param("userId", userId)
			.update();
		if (deleted == 0) {
			throw new NotFoundException("Token", tokenId);
		}
	}

	Optional<SignedInUser> authenticate(String secret) {
		if (!secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Optional<TokenOwner> owner = this.jdbc.sql("""
				select t.id as token_id, t.last_used_at, u.id, u.username, u.display_name, u.role, u.organization_id
				from api_tokens t join users u on u.id = t.user_id
				where t.secret_hash = :hash and u.enabled""")
			.param("hash", hash(secret))
			.query((row, number) -> new TokenOwner(row.getLong("token_id"),
					row.getObject("last_used_at", OffsetDateTime.class),
					new SignedInUser(row.getLong("id"), row.getString("username"), row.getString("display_name"),
							Role.valueOf(row.getString("role")), row.getObject("organization_id", Long.class), null)))
			.optional();
		owner.ifPresent(this::recordUse);
		return owner.map(TokenOwner::user);
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
	public record CreatedToken(long id, String name, String secret) {

	}

	private record TokenOwner(long tokenId, OffsetDateTime lastUsedAt, SignedInUser user) {

	}

}
