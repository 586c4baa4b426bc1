package cn.partybuilding.base;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The seat counts of slots, one row per (base, slot start). The table's check constraint
 * keeps {@code booked} between 0 and {@code capacity}, whatever the code does; every
 * change here is a conditional update that the database applies atomically.
 */
@Repository
class SeatRepository {

	private final DatabaseClient db;

	SeatRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Makes the slot's row with the given capacity, unless it exists. */
	Mono<Void> ensure(UUID baseId, Slot slot, int capacity) {
		return this.db.sql("""
				INSERT INTO base_slots (base_id, starts_at, ends_at, capacity, booked)
				VALUES (:base, :start, :end, :capacity, 0)
				ON CONFLICT (base_id, starts_at) DO NOTHING""")
			.bind("base", baseId)
			.bind("start", slot.start())
			.bind("end", slot.end())
			.bind("capacity", capacity)
			.then();
	}

	/**
	 * Takes {@code seats} seats of the slot if that many are free; false when they are
	 * not.
	 */
	Mono<Boolean> take(UUID baseId, Instant start, int seats) {
		return this.db.sql("""
				UPDATE base_slots SET booked = booked + :seats
				WHERE base_id = :base AND starts_at = :start AND booked + :seats <= capacity""")
			.bind("base", baseId)
			.bind("start", start)
			.bind("seats", seats)
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated == 1);
	}

	/**
	 * Gives {@code seats} seats of the slot back. A future slot whose capacity was kept
	 * above the base's (the floor of seats booked when the capacity was lowered) shrinks
	 * back towards the base's capacity, so freed seats above it are not offered again.
	 */
	Mono<Boolean> giveBack(UUID baseId, Instant start, int seats, Instant now) {
		return this.db.sql("""
				UPDATE base_slots s SET booked = s.booked - :seats,
				       capacity = CASE WHEN s.starts_at > :now THEN greatest(s.booked - :seats, b.capacity)
				                       ELSE s.capacity END
				FROM bases b
				WHERE b.id = s.base_id AND s.base_id = :base AND s.starts_at = :start AND s.booked >= :seats""")
			.bind("base", baseId)
			.bind("start", start)
			.bind("seats", seats)
			.bind("now", now)
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated == 1);
	}

	/** Slot rows starting in [from, to), in order. */
	Flux<SlotSeats> between(UUID baseId, Instant from, Instant to) {
		return this.db.sql("""
				SELECT starts_at, ends_at, capacity, booked FROM base_slots
				WHERE base_id = :base AND starts_at >= :from AND starts_at < :to ORDER BY starts_at""")
			.bind("base", baseId)
			.bind("from", from)
			.bind("to", to)
			.map(SeatRepository::seats)
			.all();
	}

	/** Future slots that hold seats. */
	Mono<List<SlotSeats>> heldAfter(UUID baseId, Instant now) {
		return this.db.sql("""
				SELECT starts_at, ends_at, capacity, booked FROM base_slots
				WHERE base_id = :base AND starts_at > :now AND booked > 0 ORDER BY starts_at""")
			.bind("base", baseId)
			.bind("now", now)
			.map(SeatRepository::seats)
			.all()
			.collectList();
	}

	/**
	 * A new capacity for the base's future slots; a slot with more seats booked keeps
	 * that many as its capacity. Rows are locked in slot order, as bookings lock them.
	 */
	Mono<Void> changeCapacity(UUID baseId, int capacity, Instant now) {
		return this.db.sql("""
				UPDATE base_slots s SET capacity = greatest(:capacity, s.booked)
				FROM (SELECT starts_at FROM base_slots WHERE base_id = :base AND starts_at > :now
				      ORDER BY starts_at FOR UPDATE) future
				WHERE s.base_id = :base AND s.starts_at = future.starts_at""")
			.bind("base", baseId)
			.bind("capacity", capacity)
			.bind("now", now)
			.then();
	}

	private static SlotSeats seats(Readable row) {
		return new SlotSeats(new Slot(row.get("starts_at", Instant.class), row.get("ends_at", Instant.class)),
				row.get("capacity", Integer.class), row.get("booked", Integer.class));
	}

}
