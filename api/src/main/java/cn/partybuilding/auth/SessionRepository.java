package cn.partybuilding.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Sessions (refresh-token families), their tokens (as hashes) and the changes every
 * instance must learn of. Ending a session and raising its version each write the
 * session's row and a {@code session_changes} row in one statement; the table's trigger
 * notifies the listening instances when the transaction commits.
 */
@Repository
class SessionRepository {

	/** The version of an ended session: no token is of it or above. */
	static final int ENDED = Integer.MAX_VALUE;

	/**
	 * A session still in use: a refresh token of it was issued after {@code :oldest} (and
	 * so can still be used).
	 */
	private static final String LIVE = "EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = f.id "
			+ "AND t.issued_at > :oldest)";

	private final DatabaseClient db;

	SessionRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Locks the account against changes of its sessions for the rest of the transaction
	 * (shared: logins and refreshes of one account do not wait for each other, only for a
	 * removal of a role or the end of a membership) and says whether it may hold
	 * sessions: accounts without a membership (the system administrator) may, members
	 * while they are active.
	 */
	Mono<Boolean> lockActive(UUID accountId) {
		return this.db.sql("""
				SELECT m.status FROM accounts a LEFT JOIN members m ON m.id = a.id WHERE a.id = :id FOR SHARE OF a""")
			.bind("id", accountId)
			.map((row) -> {
				String status = row.get("status", String.class);
				return status == null || status.equals("PROBATIONARY") || status.equals("FULL");
			})
			.one();
	}

	Mono<Void> insertFamily(UUID family, UUID accountId, Instant now) {
		return this.db.sql("INSERT INTO refresh_families (id, account_id, created_at) VALUES (:id, :account, :now)")
			.bind("id", family)
			.bind("account", accountId)
			.bind("now", now)
			.then();
	}

	Mono<Void> insertToken(byte[] hash, UUID family, Instant now, Instant expires) {
		return this.db.sql("""
				INSERT INTO refresh_tokens (token_hash, family_id, issued_at, expires_at)
				VALUES (:hash, :family, :now, :expires)""")
			.bind("hash", hash)
			.bind("family", family)
			.bind("now", now)
			.bind("expires", expires)
			.then();
	}

	/**
	 * Marks a live, unused token used; its session and account, or empty when it is not
	 * such a token.
	 */
	Mono<Used> use(byte[] hash, Instant now) {
		return this.db.sql("""
				UPDATE refresh_tokens t SET used_at = :now
				FROM refresh_families f
				WHERE t.token_hash = :hash AND t.family_id = f.id
				  AND t.used_at IS NULL AND t.expires_at > :now AND f.revoked_at IS NULL
				RETURNING t.family_id, f.account_id""")
			.bind("hash", hash)
			.bind("now", now)
			.map((row) -> new Used(row.get("family_id", UUID.class), row.get("account_id", UUID.class)))
			.one();
	}

	/**
	 * The session's current version; empty when it has ended. Read after
	 * {@link #lockActive}, so it is settled.
	 */
	Mono<Integer> version(UUID family) {
		return this.db.sql("SELECT version FROM refresh_families WHERE id = :id AND revoked_at IS NULL")
			.bind("id", family)
			.map((row) -> row.get("version", Integer.class))
			.one();
	}

	/** The account a refresh token was issued to. */
	Mono<UUID> accountOf(byte[] hash) {
		return this.db.sql("""
				SELECT f.account_id FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id
				WHERE t.token_hash = :hash""").bind("hash", hash).mapValue(UUID.class).one();
	}

	/**
	 * Why the session of this token ended; empty when the token is unknown or its session
	 * has not ended.
	 */
	Mono<String> endedBecause(byte[] hash) {
		return this.db.sql("""
				SELECT f.revoked_reason FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id
				WHERE t.token_hash = :hash AND f.revoked_at IS NOT NULL""")
			.bind("hash", hash)
			.mapValue(String.class)
			.one();
	}

	/** Ends the session of a token that was used already (a copy is being replayed). */
	Flux<Change> endIfReused(byte[] hash) {
		return end("f.id = (SELECT family_id FROM refresh_tokens WHERE token_hash = :hash AND used_at IS NOT NULL)",
				"REUSE", (spec) -> spec.bind("hash", hash));
	}

	/**
	 * Ends the session of a token, used or not, expired or not: logging out with whatever
	 * token the app holds.
	 */
	Flux<Change> endOf(byte[] hash) {
		return end("f.id = (SELECT family_id FROM refresh_tokens WHERE token_hash = :hash)", "LOGOUT",
				(spec) -> spec.bind("hash", hash));
	}

	/**
	 * Ends every live session of the account. Locks the account first, so a login or
	 * refresh under way either finishes before (and its session is ended here) or sees
	 * the account as it is after.
	 */
	Flux<Change> endAll(UUID accountId, String reason, Instant oldest) {
		return lockForChange(accountId).thenMany(end("f.account_id = :account AND " + LIVE, reason,
				(spec) -> spec.bind("account", accountId).bind("oldest", oldest)));
	}

	/**
	 * Raises the version of every live session of the account: their tokens stop working,
	 * and refreshing gives tokens that say what the account is now. Locks the account
	 * first, as {@link #endAll} does.
	 */
	Flux<Change> renewAll(UUID accountId, Instant oldest) {
		return lockForChange(accountId).thenMany(this.db.sql("""
				WITH renewed AS (
				    UPDATE refresh_families f SET version = f.version + 1
				    WHERE f.account_id = :account AND f.revoked_at IS NULL AND %s
				    RETURNING f.id, f.version)
				INSERT INTO session_changes (session_id, version) SELECT id, version FROM renewed
				RETURNING session_id, version, changed_at""".formatted(LIVE))
			.bind("account", accountId)
			.bind("oldest", oldest)
			.map(SessionRepository::change)
			.all());
	}

	/**
	 * The changes recorded since {@code since} (all that can still matter when
	 * {@code since} is null: those of the last {@code window}), with the database's time
	 * of reading, to ask for the next ones from.
	 */
	Flux<Change> changesSince(@Nullable Instant since, Duration window) {
		String from = (since != null) ? ":since" : "now() - make_interval(secs => :window)";
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("SELECT session_id, version, changed_at FROM "
				+ "session_changes WHERE changed_at > " + from + " UNION ALL SELECT NULL, NULL, now()");
		spec = (since != null) ? spec.bind("since", since) : spec.bind("window", (double) window.toSeconds());
		return spec.map(SessionRepository::change).all();
	}

	/**
	 * Forgets changes older than {@code before}: no token they could refuse is still
	 * alive.
	 */
	Mono<Long> forgetChangesBefore(Instant before) {
		return this.db.sql("DELETE FROM session_changes WHERE changed_at < :before")
			.bind("before", before)
			.fetch()
			.rowsUpdated();
	}

	private Mono<Void> lockForChange(UUID accountId) {
		return this.db.sql("SELECT id FROM accounts WHERE id = :id FOR UPDATE").bind("id", accountId).then();
	}

	/**
	 * Ends the live sessions {@code which} selects (a condition on
	 * {@code refresh_families f}).
	 */
	private Flux<Change> end(String which, String reason, UnaryOperator<DatabaseClient.GenericExecuteSpec> binds) {
		return binds
			.apply(this.db.sql("""
					WITH ended AS (
					    UPDATE refresh_families f SET revoked_at = now(), revoked_reason = :reason, version = :ended
					    WHERE f.revoked_at IS NULL AND %s
					    RETURNING f.id)
					INSERT INTO session_changes (session_id, version) SELECT id, :ended FROM ended
					RETURNING session_id, version, changed_at""".formatted(which))
				.bind("reason", reason)
				.bind("ended", ENDED))
			.map(SessionRepository::change)
			.all();
	}

	private static Change change(Readable row) {
		return new Change(row.get("session_id", UUID.class), row.get("version", Integer.class),
				row.get("changed_at", Instant.class));
	}

	/**
	 * A token just used.
	 *
	 * @param family its session
	 */
	record Used(UUID family, UUID accountId) {
	}

	/**
	 * A change of a session. The marker row of {@link #changesSince} has neither session
	 * nor version, only the time of reading.
	 *
	 * @param version tokens of a lower version stop working ({@link #ENDED}: all do)
	 * @param at when
	 */
	record Change(@Nullable UUID sessionId, @Nullable Integer version, Instant at) {
	}

}
