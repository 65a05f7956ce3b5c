package org.connectathon.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Slows down password guessing on the sign-in form. Failed sign-ins are counted per
 * account (the user name typed, whether or not it exists, so that the answers tell
 * nothing about which accounts exist) and per client address, in the database so that all
 * nodes on one PostgreSQL count together. After a few free failures each further attempt
 * must wait a delay that doubles with every failure, up to a maximum; after more failures
 * the account or address is locked for a while, even for the right password. Nothing here
 * is for ever: the lock ends by itself, failures are forgotten once none came for the
 * lock's duration, and a successful sign-in clears the account's count. Attempts refused
 * for waiting are not counted, so that they cannot prolong a lock.
 */
@Service
public class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private final JdbcClient jdbc;

	private final Settings settings;

	private final Clock clock;

	@Autowired
	SignInThrottle(JdbcClient jdbc, @Value("${connectathon.sign-in.account.free-failures:3}") int accountFreeFailures,
			@Value("${connectathon.sign-in.account.lock-after:10}") int accountLockAfter,
			@Value("${connectathon.sign-in.address.free-failures:30}") int addressFreeFailures,
			@Value("${connectathon.sign-in.address.lock-after:100}") int addressLockAfter,
			@Value("${connectathon.sign-in.first-delay:1s}") Duration firstDelay,
			@Value("${connectathon.sign-in.maximum-delay:1m}") Duration maximumDelay,
			@Value("${connectathon.sign-in.lock-duration:15m}") Duration lockDuration) {
		this(jdbc,
				new Settings(new Limits(accountFreeFailures, accountLockAfter),
						new Limits(addressFreeFailures, addressLockAfter), firstDelay, maximumDelay, lockDuration),
				Clock.systemUTC());
	}

	SignInThrottle(JdbcClient jdbc, Settings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * How long a sign-in to the account from the address must still wait, if it must: the
	 * longer of the account's and the address's waits.
	 */
	public Optional<Duration> waitBefore(String username, String address) {
		Instant now = this.clock.instant();
		Duration wait = longer(waitFor(SubjectKind.ACCOUNT, username, now), waitFor(SubjectKind.ADDRESS, address, now));
		if (wait.isZero()) {
			return Optional.empty();
		}
		log.info("Sign-in to account '{}' from {} refused: {} s to wait", printable(username), address,
				wait.toSeconds());
		return Optional.of(wait);
	}

	/**
	 * Counts a wrong password (or unknown account) and answers how long the next attempt
	 * must wait, zero when it need not.
	 */
	public Duration recordFailure(String username, String address) {
		Instant now = this.clock.instant();
		forgetOldFailures(now);
		int accountFailures = count(SubjectKind.ACCOUNT, username, now);
		int addressFailures = count(SubjectKind.ADDRESS, address, now);
		log.info("Sign-in to account '{}' from {} failed: failure {} of the account, {} of the address",
				printable(username), address, accountFailures, addressFailures);
		lockIfDue(SubjectKind.ACCOUNT, username, accountFailures, now);
		lockIfDue(SubjectKind.ADDRESS, address, addressFailures, now);
		return longer(waitFor(SubjectKind.ACCOUNT, username, now), waitFor(SubjectKind.ADDRESS, address, now));
	}

	/**
	 * A successful sign-in clears the account's failures. The address keeps its own: at
	 * an event many people share one address, and a guesser's own account must not wipe
	 * the count of its guesses at others.
	 */
	public void recordSuccess(String username) {
		this.jdbc.sql("delete from sign_in_failures where subject_kind = 'ACCOUNT' and subject = :subject")
			.param("subject", subject(username))
			.update();
	}

	private Duration waitFor(SubjectKind kind, String subject, Instant now) {
		Optional<Failures> found = this.jdbc.sql("""
				select failures, last_failure_at, locked_until from sign_in_failures
				where subject_kind = :kind and subject = :subject""")
			.param("kind", kind.name())
			.param("subject", subject(subject))
			.query((row, number) -> new Failures(row.getInt("failures"),
					row.getObject("last_failure_at", OffsetDateTime.class).toInstant(),
					Optional.ofNullable(row.getObject("locked_until", OffsetDateTime.class))
						.map(OffsetDateTime::toInstant)
						.orElse(null)))
			.optional();
		if (found.isEmpty()) {
			return Duration.ZERO;
		}
		Failures failures = found.get();
		if (failures.lockedUntil() != null && now.isBefore(failures.lockedUntil())) {
			return Duration.between(now, failures.lockedUntil());
		}
		int delayedFailures = failures.count() - limits(kind).freeFailures();
		if (delayedFailures <= 0) {
			return Duration.ZERO;
		}
		Instant notBefore = failures.lastFailureAt().plus(delay(delayedFailures));
		return now.isBefore(notBefore) ? Duration.between(now, notBefore) : Duration.ZERO;
	}

	/** The first delay, doubled for each further failure, at most the maximum. */
	Duration delay(int delayedFailures) {
		Duration delay = this.settings.firstDelay();
		for (int failure = 1; failure < delayedFailures
				&& delay.compareTo(this.settings.maximumDelay()) < 0; failure++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.settings.maximumDelay()) > 0) ? this.settings.maximumDelay() : delay;
	}

	/**
	 * Adds one failure in the database itself, so that nodes failing at the same moment
	 * all count, and answers the new count.
	 */
	private int count(SubjectKind kind, String subject, Instant now) {
		OffsetDateTime time = now.atOffset(ZoneOffset.UTC);
		OffsetDateTime forgetBefore = time.minus(this.settings.lockDuration());
		String update = """
				update sign_in_failures
				set failures = case when last_failure_at < :forgetBefore then 1 else failures + 1 end, last_failure_at = :now
				where subject_kind = :kind and subject = :subject""";
		int updated = this.jdbc.sql(update)
			.param("forgetBefore", forgetBefore)
			.param("now", time)
			.param("kind", kind.name())
			.param("subject", subject(subject))
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("""
						insert into sign_in_failures (subject_kind, subject, failures, last_failure_at)
						values (:kind, :subject, 1, :now)""")
					.param("kind", kind.name())
					.param("subject", subject(subject))
					.param("now", time)
					.update();
			}
			catch (DuplicateKeyException anotherNodeInsertedFirst) {
				this.jdbc.sql(update)
					.param("forgetBefore", forgetBefore)
					.param("now", time)
					.param("kind", kind.name())
					.param("subject", subject(subject))
					.update();
			}
		}
		return this.jdbc.sql("select failures from sign_in_failures where subject_kind = :kind and subject = :subject")
			.param("kind", kind.name())
			.param("subject", subject(subject))
			.query(Integer.class)
			.single();
	}

	/**
	 * Locks once the failures reach the limit, and starts the count again: after the lock
	 * the free failures and short delays come back, so a forgotten password costs one
	 * lock at a time, never a growing one.
	 */
	private void lockIfDue(SubjectKind kind, String subject, int failures, Instant now) {
		if (failures < limits(kind).lockAfter()) {
			return;
		}
		int locked = this.jdbc.sql("""
				update sign_in_failures set failures = 0, locked_until = :lockedUntil
				where subject_kind = :kind and subject = :subject and failures >= :lockAfter""")
			.param("lockedUntil", now.plus(this.settings.lockDuration()).atOffset(ZoneOffset.UTC))
			.param("kind", kind.name())
			.param("subject", subject(subject))
			.param("lockAfter", limits(kind).lockAfter())
			.update();
		if (locked > 0) {
			log.warn("Sign-in locked for {} min for {} '{}' after {} failed sign-ins",
					this.settings.lockDuration().toMinutes(), kind.name().toLowerCase(), printable(subject), failures);
		}
	}

	/** Keeps the table to the failures that still count, whatever names guessers try. */
	private void forgetOldFailures(Instant now) {
		OffsetDateTime time = now.atOffset(ZoneOffset.UTC);
		this.jdbc.sql("""
				delete from sign_in_failures
				where last_failure_at < :forgetBefore and (locked_until is null or locked_until < :now)""")
			.param("forgetBefore", time.minus(this.settings.lockDuration()))
			.param("now", time)
			.update();
	}

	private Limits limits(SubjectKind kind) {
		return (kind == SubjectKind.ACCOUNT) ? this.settings.account() : this.settings.address();
	}

	private static Duration longer(Duration one, Duration other) {
		return (one.compareTo(other) >= 0) ? one : other;
	}

	/**
	 * The column holds 200 characters; longer names typed share a count, which is
	 * harmless.
	 */
	private static String subject(String subject) {
		return (subject.length() > 200) ? subject.substring(0, 200) : subject;
	}

	/**
	 * A user name as typed goes to the log without line breaks that could forge entries.
	 */
	private static String printable(String text) {
		return subject(text).replaceAll("\\p{Cntrl}", "?");
	}

	/** When the delays and locks start, and how long they last. */
	record Settings(Limits account, Limits address, Duration firstDelay, Duration maximumDelay, Duration lockDuration) {

	}

	/** Failures allowed without delay, and the failure that locks. */
	record Limits(int freeFailures, int lockAfter) {

	}

	private enum SubjectKind {

		ACCOUNT, ADDRESS

	}

	private record Failures(int count, Instant lastFailureAt, Instant lockedUntil) {

	}

}
