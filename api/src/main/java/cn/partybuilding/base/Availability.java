package cn.partybuilding.base;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.web.problem.DomainException;

/**
 * The seats of a base's slots on one local date: the grid of its opening hours, with the
 * seats booked where a slot has been booked. Slots booked under earlier opening hours
 * show too, so a past date shows what happened.
 */
@Service
class Availability {

	private final BaseRepository bases;

	private final SeatRepository seats;

	private final Clock clock;

	Availability(BaseRepository bases, SeatRepository seats, Clock clock) {
		this.bases = bases;
		this.seats = seats;
		this.clock = clock;
	}

	Mono<List<SlotView>> on(UUID baseId, @Nullable LocalDate date) {
		ZoneId zone = this.clock.getZone();
		LocalDate day = (date != null) ? date : LocalDate.now(this.clock);
		Instant from = day.atStartOfDay(zone).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
		return this.bases.find(baseId)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((base) -> this.seats.between(baseId, from, to).collectList().map((booked) -> {
				Map<Instant, SlotSeats> slots = new TreeMap<>();
				base.grid(zone)
					.slotsOn(day)
					.forEach((slot) -> slots.put(slot.start(), new SlotSeats(slot, base.capacity(), 0)));
				booked.forEach((row) -> slots.put(row.start(), row));
				return slots.values().stream().map((row) -> SlotView.of(row, zone)).toList();
			}));
	}

	/**
	 * A slot and its seats.
	 *
	 * @param start when it begins
	 * @param end when it ends
	 * @param capacity seats it has
	 * @param booked seats held by pending and approved reservations
	 * @param remaining seats left
	 */
	record SlotView(OffsetDateTime start, OffsetDateTime end, int capacity, int booked, int remaining) {

		static SlotView of(SlotSeats seats, ZoneId zone) {
			return new SlotView(seats.slot().start().atZone(zone).toOffsetDateTime(),
					seats.slot().end().atZone(zone).toOffsetDateTime(), seats.capacity(), seats.booked(),
					seats.remaining());
		}

	}

}
