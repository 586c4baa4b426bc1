package cn.partybuilding.web.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import cn.partybuilding.personaldata.PersonalDataCipher;
import cn.partybuilding.system.Parameters;

/**
 * Stored responses by (caller, key), kept 24 hours. Every method runs in the caller's
 * transaction: the response is stored in the same transaction as the effect that produced
 * it.
 */
@Repository
class IdempotencyKeys {

	static final Duration RETENTION = Duration.ofHours(24);

	private final DatabaseClient db;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	IdempotencyKeys(DatabaseClient db, PersonalDataCipher cipher, Clock clock) {
		this.db = db;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * Takes the key's lock for the rest of the transaction; {@code false} while another
	 * transaction holds it, that is, while the first request with this key is still
	 * running.
	 */
	Mono<Boolean> tryLock(String caller, String key) {
		return this.db.sql("SELECT pg_try_advisory_xact_lock(:lock) AS locked")
			.bind("lock", lockId(caller, key))
			.map((row) -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
			.one();
	}

	Mono<StoredResponse> find(String caller, String key) {
		return this.db.sql("""
				SELECT request_hash, status, content_type, location, body FROM idempotency_keys
				WHERE caller = :caller AND key = :key AND expires_at > :now""")
			.bind("caller", caller)
			.bind("key", key)
			.bind("now", this.clock.instant())
			.map((row) -> new StoredResponse(row.get("request_hash", byte[].class), row.get("status", Integer.class),
					row.get("content_type", String.class), row.get("location", String.class),
					this.cipher.decrypt(row.get("body", byte[].class), context(caller, key))))
			.one();
	}

	Mono<Void> save(String caller, String key, StoredResponse response) {
		Instant now = this.clock.instant();
		return this.db.sql("""
				INSERT INTO idempotency_keys
				    (caller, key, request_hash, status, content_type, location, body, created_at, expires_at)
				VALUES (:caller, :key, :hash, :status, :contentType, :location, :body, :now, :expires)
				ON CONFLICT (caller, key) DO UPDATE SET request_hash = excluded.request_hash,
				    status = excluded.status, content_type = excluded.content_type, location = excluded.location,
				    body = excluded.body, created_at = excluded.created_at, expires_at = excluded.expires_at""")
			.bind("caller", caller)
			.bind("key", key)
			.bind("hash", response.requestHash())
			.bind("status", response.status())
			.bind("contentType", Parameters.nullable(response.contentType(), String.class))
			.bind("location", Parameters.nullable(response.location(), String.class))
			.bind("body", this.cipher.encrypt(response.body(), context(caller, key)))
			.bind("now", now)
			.bind("expires", now.plus(RETENTION))
			.then();
	}

	/**
	 * Forgets responses older than the retention, so the table does not grow without end.
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	Mono<Void> purgeExpired() {
		return this.db.sql("DELETE FROM idempotency_keys WHERE expires_at < :now")
			.bind("now", this.clock.instant())
			.then();
	}

	private static byte[] context(String caller, String key) {
		return (caller + '\u0000' + key).getBytes(StandardCharsets.UTF_8);
	}

	private static long lockId(String caller, String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(context(caller, key));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
