package cn.partybuilding.base;

import java.time.Instant;

/**
 * The seats of one slot as stored.
 *
 * @param capacity seats it has
 * @param booked seats held by pending and approved reservations
 */
record SlotSeats(Slot slot, int capacity, int booked) {

	int remaining() {
		return this.capacity - this.booked;
	}

	Instant start() {
		return this.slot.start();
	}

}
