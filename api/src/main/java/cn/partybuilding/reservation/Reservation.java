package cn.partybuilding.reservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A reservation of a base for a branch.
 *
 * @param id the reservation
 * @param orgId the booking branch
 * @param start the start of its first slot
 * @param end the end of its last slot
 * @param slotMinutes the slot length it was booked with: it holds seats in every slot
 * from start to end
 * @param headcount how many people come (the seats it holds in each slot)
 * @param menuItemIds the activities chosen
 * @param channel how it came in
 * @param contactName whom the base calls
 * @param contactPhone their number, in clear: shown masked to all but the base admin and
 * the branch's secretary
 * @param status where it stands
 * @param reason why it was rejected
 * @param createdBy who entered it
 * @param createdAt when
 * @param decidedBy who changed its status last
 * @param decidedAt when
 */
public record Reservation(UUID id, UUID baseId, UUID orgId, Instant start, Instant end, int slotMinutes, int headcount,
		List<UUID> menuItemIds, Channel channel, String contactName, String contactPhone, ReservationStatus status,
		@Nullable String reason, UUID createdBy, Instant createdAt, @Nullable UUID decidedBy,
		@Nullable Instant decidedAt) {

	public Reservation {
		menuItemIds = List.copyOf(menuItemIds);
	}

	/** The starts of the slots whose seats it holds. */
	public List<Instant> slotStarts() {
		List<Instant> starts = new ArrayList<>();
		for (Instant slot = this.start; slot.isBefore(this.end); slot = slot.plusSeconds(this.slotMinutes * 60L)) {
			starts.add(slot);
		}
		return starts;
	}

	/**
	 * The secretary who booked it in the app, to be told of its outcome; none when the
	 * base's staff entered it.
	 */
	public @Nullable UUID bookingSecretary() {
		return this.channel.enteredByBase() ? null : this.createdBy;
	}

	@Override
	public String toString() {
		return "Reservation[" + this.id + ", " + this.status + "]";
	}

}
