package cn.partybuilding.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.SqlParameters;
import cn.partybuilding.notification.delivery.Deliveries.DeliveryView;

/**
 * The {@code deliveries} table: stores the deliveries planned, claims due ones and
 * records what became of them. A claim takes rows no other worker holds
 * ({@code FOR UPDATE SKIP LOCKED}) and leases them by moving their
 * {@code next_attempt_at} past the lease, in one statement: nothing stays locked while
 * messages are sent, and rows of a worker that died are due again when their lease ends.
 */
@Repository
class DeliveryRepository {

	private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
	};

	private final DatabaseClient db;

	private final JsonMapper json;

	DeliveryRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/** Stores a delivery, due at once, unless one with its id is stored already. */
	Mono<Void> insert(UUID id, UUID notificationId, UUID memberId, NewDelivery delivery, Instant now,
			@Nullable Instant deadline) {
		return this.db.sql("""
				INSERT INTO deliveries (id, notification_id, member_id, channel, target, platform, fallback, status,
				                        next_attempt_at, deadline, created_at)
				VALUES (:id, :notification, :member, :channel, :target, :platform, :fallback, 'PENDING', :now,
				        :deadline, :now)
				ON CONFLICT (id) DO NOTHING""")
			.bind("id", id)
			.bind("notification", notificationId)
			.bind("member", memberId)
			.bind("channel", delivery.channel().name())
			.bind("target", SqlParameters.nullable(delivery.target(), String.class))
			.bind("platform", SqlParameters.nullable(delivery.platform(), String.class))
			.bind("fallback",
					SqlParameters.nullable((delivery.fallback() != null) ? delivery.fallback().name() : null,
							String.class))
			.bind("now", now)
			.bind("deadline", SqlParameters.nullable(deadline, Instant.class))
			.then();
	}

	/** The deliveries of a notification, by channel and target. */
	Flux<DeliveryView> ofNotification(UUID notificationId) {
		return this.db.sql("""
				SELECT id, channel, target, status, attempts, last_error, finished_at FROM deliveries
				WHERE notification_id = :notification ORDER BY channel, target""")
			.bind("notification", notificationId)
			.map((row) -> new DeliveryView(row.get("id", UUID.class).toString(),
					Channel.valueOf(row.get("channel", String.class)), row.get("target", String.class),
					DeliveryStatus.valueOf(row.get("status", String.class)), row.get("attempts", Integer.class),
					row.get("last_error", String.class), row.get("finished_at", Instant.class)))
			.all();
	}

	Flux<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
		return this.db.sql("""
				WITH due AS (
				    SELECT id FROM deliveries
				    WHERE status IN ('PENDING', 'HELD') AND next_attempt_at <= :now
				    ORDER BY next_attempt_at
				    LIMIT :limit
				    FOR UPDATE SKIP LOCKED)
				UPDATE deliveries d SET next_attempt_at = :lease, attempts = d.attempts + 1
				FROM due, notifications n
				WHERE d.id = due.id AND n.id = d.notification_id
				RETURNING d.id, d.notification_id, d.member_id, d.channel, d.target, d.platform, d.fallback,
				          d.attempts, d.deadline, n.kind, n.params::text AS params""")
			.bind("now", now)
			.bind("lease", leaseUntil)
			.bind("limit", limit)
			.map(this::claimed)
			.all();
	}

	/** Stores the results: the sent ones in one statement, the others one by one. */
	Mono<Void> record(List<Result> results, Instant now) {
		UUID[] sent = results.stream()
			.filter((result) -> result.status() == DeliveryStatus.SENT)
			.map(Result::id)
			.toArray(UUID[]::new);
		Mono<Void> recordSent = (sent.length == 0) ? Mono.empty()
				: this.db
					.sql("UPDATE deliveries SET status = 'SENT', finished_at = :now, last_error = NULL "
							+ "WHERE id = ANY(:ids)")
					.bind("now", now)
					.bind("ids", sent)
					.then();
		return recordSent
			.thenMany(Flux.fromIterable(results)
				.filter((result) -> result.status() != DeliveryStatus.SENT)
				.concatMap((result) -> update(result).then(dropTarget(result, now))))
			.then();
	}

	private Mono<Void> update(Result result) {
		return this.db.sql("""
				UPDATE deliveries SET status = :status, channel = :channel, fallback = :fallback, attempts = :attempts,
				    next_attempt_at = :next, last_error = :error, finished_at = :finished
				WHERE id = :id""")
			.bind("status", result.status().name())
			.bind("channel", result.channel().name())
			.bind("fallback",
					SqlParameters.nullable((result.fallback() != null) ? result.fallback().name() : null, String.class))
			.bind("attempts", result.attempts())
			.bind("next", result.nextAttemptAt())
			.bind("error", SqlParameters.nullable(result.error(), String.class))
			.bind("finished", SqlParameters.nullable(result.finishedAt(), Instant.class))
			.bind("id", result.id())
			.then();
	}

	/**
	 * Other pending pushes to a token the gateway called invalid would only fail the same
	 * way.
	 */
	private Mono<Void> dropTarget(Result result, Instant now) {
		if (result.goneTarget() == null) {
			return Mono.empty();
		}
		return this.db.sql("""
				UPDATE deliveries SET status = 'FAILED', last_error = 'invalid token', finished_at = :now
				WHERE channel = 'PUSH' AND target = :token AND status IN ('PENDING', 'HELD') AND id <> :id""")
			.bind("now", now)
			.bind("token", result.goneTarget())
			.bind("id", result.id())
			.then();
	}

	private Claimed claimed(Readable row) {
		String fallback = row.get("fallback", String.class);
		return new Claimed(row.get("id", UUID.class), row.get("notification_id", UUID.class),
				row.get("member_id", UUID.class), Channel.valueOf(row.get("channel", String.class)),
				row.get("target", String.class), row.get("platform", String.class),
				(fallback != null) ? Channel.valueOf(fallback) : null, row.get("attempts", Integer.class),
				row.get("deadline", Instant.class), NotificationKind.valueOf(row.get("kind", String.class)),
				this.json.readValue(row.get("params", String.class), PARAMS));
	}

}
