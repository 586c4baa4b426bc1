package cn.partybuilding.reservation;

import reactor.core.publisher.Mono;

/**
 * Hears what happens to reservations, inside the transaction of the change (after its
 * rows are written): what a listener writes commits or rolls back with the change. Every
 * bean of this type is called. The notifier's {@code RESERVATION_RESULT} belongs in
 * {@link #decided}, the points intake's {@code BASE_VISIT_COMPLETED} in {@link #visited};
 * until they exist, {@code reservation_outcomes} and {@code base_visits} keep every event
 * ({@link ReservationOutcomes#since}, {@link BaseVisits#recordedSince}) so none is lost.
 */
public interface ReservationEvents {

	/** A reservation was approved, rejected or cancelled. */
	default Mono<Void> decided(ReservationOutcome outcome) {
		return Mono.empty();
	}

	/** A member attended a completed visit; called once per (reservation, member). */
	default Mono<Void> visited(BaseVisit visit) {
		return Mono.empty();
	}

}
