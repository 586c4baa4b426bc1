package cn.partybuilding.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A booking to place.
 *
 * @param id the id the reservation gets
 * @param orgId the booking branch
 * @param start the start of its first slot
 * @param headcount how many people come
 * @param menuItemIds the activities chosen from the base's menu
 * @param channel how it came in
 * @param contactName whom the base calls
 * @param contactPhone their mobile number, canonical
 */
public record NewReservation(UUID id, UUID baseId, UUID orgId, Instant start, int headcount, List<UUID> menuItemIds,
		Channel channel, String contactName, String contactPhone) {

	public NewReservation {
		menuItemIds = menuItemIds.stream().distinct().toList();
	}

	@Override
	public String toString() {
		return "NewReservation[" + this.id + "]";
	}

}
