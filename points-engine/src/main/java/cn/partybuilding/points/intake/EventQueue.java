package cn.partybuilding.points.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.points.DetailsJson;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsEvent;

/** The {@code points_events} table: events recorded once by their id, claimed for scoring, marked when scored. */
@Repository
class EventQueue {

	private static final String COLUMNS = """
			seq, event_id, member_id, type, occurred_at, details::text AS details, quantity, explicit_points,
			target_rule_code, reason, attempts""";

	/** The start of the names of the parameters of {@link #INSERT_EVENTS}. */
	static final String PARAMETER_PREFIX = "points";

	/**
	 * Events given as arrays, one element per event, each with a key ({@code n.k}) that says which row of a caller's
	 * insert it goes with ({@link #insertAlong}); a {@code WHERE} and an {@code ON CONFLICT} may follow.
	 */
	private static final String INSERT_EVENTS = """
			INSERT INTO points_events (event_id, member_id, type, occurred_at, details, quantity, explicit_points,
			                           target_rule_code, reason, recorded_at, next_attempt_at)
			SELECT e, m, t, CAST(o AS timestamptz), CAST(d AS jsonb), CAST(q AS numeric), CAST(x AS numeric),
			       r, why, :pointsNow, :pointsNow
			FROM unnest(CAST(:pointsKeys AS text[]), CAST(:pointsEventIds AS text[]), CAST(:pointsMembers AS uuid[]),
			            CAST(:pointsTypes AS text[]), CAST(:pointsOccurredAt AS text[]), CAST(:pointsDetails AS text[]),
			            CAST(:pointsQuantities AS text[]), CAST(:pointsExplicit AS text[]),
			            CAST(:pointsTargets AS text[]), CAST(:pointsReasons AS text[]))
			     AS n(k, e, m, t, o, d, q, x, r, why)""";

	/**
	 * For each member, the first of their pending events before the given one that is not in hand: one short range of
	 * {@code points_events_pending_member} per member, so the cost does not grow with the queue, and the plan does not
	 * depend on statistics that may have been taken while the queue was empty.
	 */
	static final String FIRST_HELD_ELSEWHERE = """
			SELECT f.member_id, held.seq AS first_seq
			FROM unnest(CAST(:members AS uuid[]), CAST(:lasts AS bigint[])) AS f(member_id, last_seq)
			CROSS JOIN LATERAL (
			    SELECT e.seq FROM points_events e
			    WHERE e.member_id = f.member_id AND e.seq < f.last_seq
			      AND e.scored_at IS NULL AND e.failed_at IS NULL AND e.next_attempt_at <= :now
			      AND e.seq <> ALL(CAST(:inHand AS bigint[]))
			    ORDER BY e.seq LIMIT 1) AS held""";

	private final DatabaseClient db;

	EventQueue(DatabaseClient db) {
		this.db = db;
	}

	/** Stores the event unless one with its id is stored already; whether it was stored now. */
	Mono<Boolean> insert(PointsEvent event, Instant now) {
		return Mono.fromCallable(() -> UUID.fromString(event.memberId()))
			.flatMap((memberId) -> this.db.sql("""
					INSERT INTO points_events (event_id, member_id, type, occurred_at, details, quantity, explicit_points,
					                           target_rule_code, reason, recorded_at, next_attempt_at)
					VALUES (:eventId, :member, :type, :occurredAt, CAST(:details AS jsonb), :quantity, :explicit,
					        :target, :reason, :now, :now)
					ON CONFLICT (event_id) DO NOTHING RETURNING seq""")
				.bind("eventId", event.eventId())
				.bind("member", memberId)
				.bind("type", event.type().name())
				.bind("occurredAt", event.occurredAt())
				.bind("details", DetailsJson.write(event.details()))
				.bind("quantity", event.quantity())
				.bind("explicit", nullable(event.explicitPoints(), BigDecimal.class))
				.bind("target", nullable(event.targetRuleCode(), String.class))
				.bind("reason", nullable(event.reason(), String.class))
				.bind("now", now)
				.map((row) -> true)
				.one()
				.defaultIfEmpty(false));
	}

	/**
	 * Stores the events in one statement, skipping those whose id is stored already (or repeats an earlier one of
	 * the list); how many were stored now.
	 */
	Mono<Long> insertAll(List<PointsEvent> events, Instant now) {
		if (events.isEmpty()) {
			return Mono.just(0L);
		}
		return Mono.fromCallable(() -> new EventArrays(events.stream().map(PointsEvent::eventId).toList(), events))
			.flatMap((arrays) -> arrays.bind(this.db.sql(INSERT_EVENTS + " ON CONFLICT (event_id) DO NOTHING"), now)
				.fetch()
				.rowsUpdated());
	}

	/**
	 * Runs the caller's insert and, in the same statement, stores the events whose key it returned (skipping those
	 * whose id is stored already); the keys it returned.
	 */
	Flux<String> insertAlong(ReturningKeys insert, Map<String, PointsEvent> eventsByKey, Instant now) {
		return Mono.fromCallable(() -> new EventArrays(List.copyOf(eventsByKey.keySet()),
				List.copyOf(eventsByKey.values())))
			.flatMapMany((arrays) -> {
				DatabaseClient.GenericExecuteSpec spec = this.db.sql("WITH source AS (" + insert.sql() + "),\n"
						+ "recorded AS (" + INSERT_EVENTS + """
								 WHERE n.k IN (SELECT CAST(source.key AS text) FROM source)
								ON CONFLICT (event_id) DO NOTHING)
								SELECT CAST(key AS text) AS key FROM source""");
				for (Map.Entry<String, Object> binding : insert.bindings().entrySet()) {
					spec = spec.bind(binding.getKey(), binding.getValue());
				}
				return arrays.bind(spec, now).map((row) -> row.get("key", String.class)).all();
			});
	}

	/** The events as arrays, one element per event, for {@link #INSERT_EVENTS}. */
	private record EventArrays(String[] keys, String[] eventIds, UUID[] members, String[] types, String[] occurredAt,
			String[] details, String[] quantities, String[] explicit, String[] targets, String[] reasons) {

		EventArrays(List<String> keys, List<PointsEvent> events) {
			this(keys.toArray(String[]::new), texts(events, PointsEvent::eventId),
					events.stream().map((event) -> UUID.fromString(event.memberId())).toArray(UUID[]::new),
					texts(events, (event) -> event.type().name()),
					texts(events, (event) -> event.occurredAt().toString()),
					texts(events, (event) -> DetailsJson.write(event.details())),
					texts(events, (event) -> event.quantity().toPlainString()),
					texts(events,
							(event) -> (event.explicitPoints() != null) ? event.explicitPoints().toPlainString() : null),
					texts(events, PointsEvent::targetRuleCode), texts(events, PointsEvent::reason));
		}

		DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Instant now) {
			return spec.bind("pointsKeys", this.keys)
				.bind("pointsEventIds", this.eventIds)
				.bind("pointsMembers", this.members)
				.bind("pointsTypes", this.types)
				.bind("pointsOccurredAt", this.occurredAt)
				.bind("pointsDetails", this.details)
				.bind("pointsQuantities", this.quantities)
				.bind("pointsExplicit", this.explicit)
				.bind("pointsTargets", this.targets)
				.bind("pointsReasons", this.reasons)
				.bind("pointsNow", now);
		}

	}

	private static String[] texts(List<PointsEvent> events, Function<PointsEvent, @Nullable String> value) {
		return events.stream().map(value).toArray(String[]::new);
	}

	/**
	 * Locks up to {@code limit} of the oldest events due for scoring, skipping those another transaction holds, so
	 * any number of workers share the queue without waiting for each other.
	 */
	Flux<PendingEvent> claim(Instant now, int limit) {
		return this.db.sql("SELECT " + COLUMNS + """
				 FROM points_events
				WHERE scored_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
				ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED""")
			.bind("now", now)
			.bind("limit", limit)
			.map(EventQueue::pending)
			.all();
	}

	/** Locks one event if it still waits for scoring (waiting for a transaction that holds it). */
	Mono<PendingEvent> claim(String eventId) {
		return this.db.sql("SELECT " + COLUMNS + " FROM points_events WHERE event_id = :eventId "
				+ "AND scored_at IS NULL FOR UPDATE")
			.bind("eventId", eventId)
			.map(EventQueue::pending)
			.one();
	}

	/**
	 * For the members among {@code lastSeqs} (member id to the last event of theirs in hand), the first of their
	 * events that is due, still waits and is not in hand ({@code inHand}) but comes before their last one in hand:
	 * another worker holds it, so it and everything after it must wait. Members without one are missing from the
	 * answer.
	 */
	Mono<Map<String, Long>> firstHeldElsewhere(Map<String, Long> lastSeqs, Collection<Long> inHand, Instant now) {
		return this.db.sql(FIRST_HELD_ELSEWHERE)
			.bind("members", lastSeqs.keySet().stream().map(UUID::fromString).toArray(UUID[]::new))
			.bind("lasts", lastSeqs.values().toArray(Long[]::new))
			.bind("inHand", inHand.toArray(Long[]::new))
			.bind("now", now)
			.map((row) -> Map.entry(row.get("member_id", UUID.class).toString(), row.get("first_seq", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	Mono<Void> markScored(Collection<Long> seqs, Instant now) {
		return this.db.sql("UPDATE points_events SET scored_at = :now WHERE seq = ANY(:seqs)")
			.bind("now", now)
			.bind("seqs", seqs.toArray(Long[]::new))
			.then();
	}

	Mono<Void> recordFailure(long seq, int attempts, Instant nextAttemptAt, @Nullable Instant failedAt,
			String error) {
		return this.db.sql("""
				UPDATE points_events SET attempts = :attempts, next_attempt_at = :next, failed_at = :failed,
				       last_error = :error
				WHERE seq = :seq AND scored_at IS NULL""")
			.bind("attempts", attempts)
			.bind("next", nextAttemptAt)
			.bind("failed", nullable(failedAt, Instant.class))
			.bind("error", error)
			.bind("seq", seq)
			.then();
	}

	/** The member's scored events that happened in {@code [from, to)}. */
	Flux<PointsEvent> scored(String memberId, Instant from, Instant to) {
		return this.db.sql("SELECT " + COLUMNS + """
				 FROM points_events
				WHERE member_id = :member AND occurred_at >= :from AND occurred_at < :to AND scored_at IS NOT NULL
				ORDER BY occurred_at, event_id""")
			.bind("member", UUID.fromString(memberId))
			.bind("from", from)
			.bind("to", to)
			.map(EventQueue::event)
			.all();
	}

	/** Members with scored events in {@code [from, to)}, in id order, after {@code after}. */
	Flux<UUID> membersScored(Instant from, Instant to, @Nullable UUID after, int limit) {
		return this.db.sql("""
				SELECT DISTINCT member_id FROM points_events
				WHERE occurred_at >= :from AND occurred_at < :to AND scored_at IS NOT NULL AND member_id > :after
				ORDER BY member_id LIMIT :limit""")
			.bind("from", from)
			.bind("to", to)
			.bind("after", (after != null) ? after : new UUID(0, 0))
			.bind("limit", limit)
			.map((row) -> row.get("member_id", UUID.class))
			.all();
	}

	Mono<Long> countMembersScored(Instant from, Instant to) {
		return this.db.sql("""
				SELECT count(DISTINCT member_id) AS members FROM points_events
				WHERE occurred_at >= :from AND occurred_at < :to AND scored_at IS NOT NULL""")
			.bind("from", from)
			.bind("to", to)
			.map((row) -> row.get("members", Long.class))
			.one();
	}

	private static PendingEvent pending(Readable row) {
		long seq = row.get("seq", Long.class);
		int attempts = row.get("attempts", Integer.class);
		String eventId = row.get("event_id", String.class);
		String memberId = row.get("member_id", UUID.class).toString();
		try {
			return new PendingEvent(seq, attempts, eventId, memberId, event(row), null);
		}
		catch (RuntimeException ex) {
			return new PendingEvent(seq, attempts, eventId, memberId, null, ex);
		}
	}

	private static PointsEvent event(Readable row) {
		return new PointsEvent(row.get("event_id", String.class), row.get("member_id", UUID.class).toString(),
				EventType.valueOf(row.get("type", String.class)), row.get("occurred_at", Instant.class),
				DetailsJson.read(row.get("details", String.class)), row.get("quantity", BigDecimal.class),
				row.get("explicit_points", BigDecimal.class), row.get("target_rule_code", String.class),
				row.get("reason", String.class));
	}

	private static Object nullable(@Nullable Object value, Class<?> type) {
		return (value != null) ? value : Parameters.in(type);
	}

}
