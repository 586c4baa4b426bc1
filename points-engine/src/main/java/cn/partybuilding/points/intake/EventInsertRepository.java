package cn.partybuilding.points.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.points.DetailsJson;
import cn.partybuilding.points.SqlParameters;
import cn.partybuilding.points.core.PointsEvent;

/** Records events in {@code points_events}, once by their id, due for scoring at once. */
@Repository
class EventInsertRepository {

	/** The start of the names of the parameters of {@link #INSERT_EVENTS}. */
	static final String PARAMETER_PREFIX = "points";

	/**
	 * Events given as arrays, one element per event, each with a key ({@code n.k}) that
	 * says which row of a caller's insert it goes with ({@link #insertAlong}); a
	 * {@code WHERE} and an {@code ON CONFLICT} may follow.
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

	private final DatabaseClient db;

	EventInsertRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Stores the event unless one with its id is stored already; whether it was stored
	 * now.
	 */
	Mono<Boolean> insert(PointsEvent event, Instant now) {
		return Mono.fromCallable(() -> UUID.fromString(event.memberId()))
			.flatMap((memberId) -> this.db
				.sql("""
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
				.bind("explicit", SqlParameters.nullable(event.explicitPoints(), BigDecimal.class))
				.bind("target", SqlParameters.nullable(event.targetRuleCode(), String.class))
				.bind("reason", SqlParameters.nullable(event.reason(), String.class))
				.bind("now", now)
				.map((row) -> true)
				.one()
				.defaultIfEmpty(false));
	}

	/**
	 * Stores the events in one statement, skipping those whose id is stored already (or
	 * repeats an earlier one of the list); how many were stored now.
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
	 * Runs the caller's insert and, in the same statement, stores the events whose key it
	 * returned (skipping those whose id is stored already); the keys it returned.
	 */
	Flux<String> insertAlong(ReturningKeys insert, Map<String, PointsEvent> eventsByKey, Instant now) {
		return Mono
			.fromCallable(() -> new EventArrays(List.copyOf(eventsByKey.keySet()), List.copyOf(eventsByKey.values())))
			.flatMapMany((arrays) -> {
				DatabaseClient.GenericExecuteSpec spec = this.db
					.sql("WITH source AS (" + insert.sql() + "),\n" + "recorded AS (" + INSERT_EVENTS + """
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
			this(keys.toArray(String[]::new), SqlParameters.texts(events, PointsEvent::eventId),
					events.stream().map((event) -> UUID.fromString(event.memberId())).toArray(UUID[]::new),
					SqlParameters.texts(events, (event) -> event.type().name()),
					SqlParameters.texts(events, (event) -> event.occurredAt().toString()),
					SqlParameters.texts(events, (event) -> DetailsJson.write(event.details())),
					SqlParameters.texts(events, (event) -> event.quantity().toPlainString()),
					SqlParameters.texts(events,
							(event) -> (event.explicitPoints() != null) ? event.explicitPoints().toPlainString()
									: null),
					SqlParameters.texts(events, PointsEvent::targetRuleCode),
					SqlParameters.texts(events, PointsEvent::reason));
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

}
