package cn.partybuilding.reservation;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import cn.partybuilding.system.Parameters;

/**
 * The outcomes of reservations (approved, rejected, cancelled), kept for the booking
 * secretary's {@code RESERVATION_RESULT} notification: recorded in the transaction of the
 * change and handed to the {@link ReservationEvents} listeners there.
 */
@Service
public class ReservationOutcomes {

	private final DatabaseClient db;

	private final ObjectProvider<ReservationEvents> listeners;

	ReservationOutcomes(DatabaseClient db, ObjectProvider<ReservationEvents> listeners) {
		this.db = db;
		this.listeners = listeners;
	}

	/**
	 * Outcomes recorded at or after {@code from}, oldest first, at most {@code limit}
	 * (e.g. to catch up on them).
	 */
	public Flux<ReservationOutcome> since(Instant from, int limit) {
		return this.db.sql("""
				SELECT id, reservation_id, base_id, org_id, outcome, reason, secretary_id, actor_id, occurred_at
				FROM reservation_outcomes WHERE occurred_at >= :from ORDER BY occurred_at, id LIMIT :limit""")
			.bind("from", from)
			.bind("limit", limit)
			.map((row) -> new ReservationOutcome(row.get("id", UUID.class), row.get("reservation_id", UUID.class),
					row.get("base_id", UUID.class), row.get("org_id", UUID.class),
					ReservationStatus.valueOf(row.get("outcome", String.class)), row.get("reason", String.class),
					row.get("secretary_id", UUID.class), row.get("actor_id", UUID.class),
					row.get("occurred_at", Instant.class)))
			.all();
	}

	/** Records the outcome and tells the listeners, in the caller's transaction. */
	Mono<Void> record(ReservationOutcome outcome) {
		return this.db.sql("""
				INSERT INTO reservation_outcomes (id, reservation_id, base_id, org_id, outcome, reason, secretary_id,
				                                  actor_id, occurred_at)
				VALUES (:id, :reservation, :base, :org, :outcome, :reason, :secretary, :actor, :at)""")
			.bind("id", outcome.id())
			.bind("reservation", outcome.reservationId())
			.bind("base", outcome.baseId())
			.bind("org", outcome.orgId())
			.bind("outcome", outcome.outcome().name())
			.bind("reason", Parameters.nullable(outcome.reason(), String.class))
			.bind("secretary", Parameters.nullable(outcome.secretaryId(), UUID.class))
			.bind("actor", outcome.actorId())
			.bind("at", outcome.occurredAt())
			.then()
			.thenMany(Flux.fromStream(this.listeners::orderedStream))
			.concatMap((listener) -> listener.decided(outcome))
			.then();
	}

}
