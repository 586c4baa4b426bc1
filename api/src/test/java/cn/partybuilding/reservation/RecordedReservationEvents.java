package cn.partybuilding.reservation;

import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A listener of the test application (found by component scanning, as the notifier and
 * the points intake will be): remembers what it heard, so tests can check who is told
 * what, and how often.
 */
@Component
class RecordedReservationEvents implements ReservationEvents {

	private final Queue<ReservationOutcome> outcomes = new ConcurrentLinkedQueue<>();

	private final Queue<BaseVisit> visits = new ConcurrentLinkedQueue<>();

	@Override
	public Mono<Void> decided(ReservationOutcome outcome) {
		return Mono.fromRunnable(() -> this.outcomes.add(outcome));
	}

	@Override
	public Mono<Void> visited(BaseVisit visit) {
		return Mono.fromRunnable(() -> this.visits.add(visit));
	}

	List<ReservationOutcome> outcomesOf(UUID reservationId) {
		return this.outcomes.stream().filter((outcome) -> outcome.reservationId().equals(reservationId)).toList();
	}

	List<BaseVisit> visitsOf(UUID reservationId) {
		return this.visits.stream().filter((visit) -> visit.reservationId().equals(reservationId)).toList();
	}

}
