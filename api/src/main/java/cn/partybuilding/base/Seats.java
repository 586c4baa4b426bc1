package cn.partybuilding.base;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Seats in the slots of a base. A slot's row is made with the base's capacity when it is
 * first booked; seats are taken by a conditional update that only applies while they fit,
 * so concurrent bookings can never take more seats than a slot has (and a check
 * constraint in the database refuses it anyway). Call these inside the transaction that
 * records the booking or its end, after {@link Bases#findForSeats}: when that transaction
 * rolls back, so do the seats.
 */
@Service
public class Seats {

	private final SeatRepository repository;

	private final Clock clock;

	Seats(SeatRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Takes {@code seats} seats in each of the slots, in order; false as soon as one slot
	 * lacks room, and then the caller must roll the transaction back (seats taken in
	 * earlier slots are part of it).
	 */
	public Mono<Boolean> hold(Base base, List<Slot> slots, int seats) {
		return Flux.fromIterable(slots)
			.concatMap((slot) -> this.repository.ensure(base.id(), slot, base.capacity())
				.then(this.repository.take(base.id(), slot.start(), seats)))
			.all(Boolean::booleanValue);
	}

	/**
	 * Gives back {@code seats} seats in each slot starting at {@code starts}, in order.
	 */
	public Mono<Void> release(UUID baseId, List<Instant> starts, int seats) {
		Instant now = this.clock.instant();
		return Flux.fromIterable(starts)
			.sort()
			.concatMap((start) -> this.repository.giveBack(baseId, start, seats, now)
				.filter(Boolean::booleanValue)
				.switchIfEmpty(Mono.error(() -> new IllegalStateException(
						"No " + seats + " held seats to give back in a slot of base " + baseId))))
			.then();
	}

}
