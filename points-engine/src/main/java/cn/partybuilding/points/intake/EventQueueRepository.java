package cn.partybuilding.points.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.points.SqlParameters;

/**
 * The events of {@code points_events} that wait for scoring: claimed by the workers,
 * marked when scored or when scoring failed.
 */
@Repository
class EventQueueRepository {

	/**
	 * For each member, the first of their pending events before the given one that is not
	 * in hand: one short range of {@code points_events_pending_member} per member, so the
	 * cost does not grow with the queue, and the plan does not depend on statistics that
	 * may have been taken while the queue was empty.
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

	EventQueueRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Locks up to {@code limit} of the oldest events due for scoring, skipping those
	 * another transaction holds, so any number of workers share the queue without waiting
	 * for each other.
	 */
	Flux<PendingEvent> claim(Instant now, int limit) {
		return this.db.sql("SELECT " + EventRows.COLUMNS + """
				 FROM points_events
				WHERE scored_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
				ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED""")
			.bind("now", now)
			.bind("limit", limit)
			.map(EventRows::pending)
			.all();
	}

	/**
	 * Locks one event if it still waits for scoring (waiting for a transaction that holds
	 * it).
	 */
	Mono<PendingEvent> claim(String eventId) {
		return this.db
			.sql("SELECT " + EventRows.COLUMNS + " FROM points_events WHERE event_id = :eventId "
					+ "AND scored_at IS NULL FOR UPDATE")
			.bind("eventId", eventId)
			.map(EventRows::pending)
			.one();
	}

	/**
	 * For the members among {@code lastSeqs} (member id to the last event of theirs in
	 * hand), the first of their events that is due, still waits and is not in hand
	 * ({@code inHand}) but comes before their last one in hand: another worker holds it,
	 * so it and everything after it must wait. Members without one are missing from the
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

	Mono<Void> recordFailure(long seq, int attempts, Instant nextAttemptAt, @Nullable Instant failedAt, String error) {
		return this.db.sql("""
				UPDATE points_events SET attempts = :attempts, next_attempt_at = :next, failed_at = :failed,
				       last_error = :error
				WHERE seq = :seq AND scored_at IS NULL""")
			.bind("attempts", attempts)
			.bind("next", nextAttemptAt)
			.bind("failed", SqlParameters.nullable(failedAt, Instant.class))
			.bind("error", error)
			.bind("seq", seq)
			.then();
	}

}
