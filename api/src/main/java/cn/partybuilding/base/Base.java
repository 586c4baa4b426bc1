package cn.partybuilding.base;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.partybuilding.checkin.Geofence;

/**
 * An open organizational-life base, with the menu it offers now and the rules that keep
 * it from being hoarded: how far ahead it takes bookings and how many bookings awaiting
 * approval one branch may hold there.
 *
 * @param id the base
 * @param type what it is about
 * @param address where it is
 * @param lng longitude
 * @param capacity how many people one slot holds
 * @param openingHours weekly opening periods
 * @param slotMinutes the length of a slot
 * @param menu the activities on offer
 * @param adminOrgId the org unit that administers it (its ORG_ADMINs manage the base)
 * @param bookingHorizonDays how many days ahead it takes bookings
 * @param maxPendingPerBranch how many bookings awaiting approval one branch may hold at
 * it
 * @param checkInRadiusMeters how far from its point a member checking in at it may be
 */
public record Base(UUID id, String name, BaseType type, String address, double lat, double lng, int capacity,
		List<OpeningPeriod> openingHours, int slotMinutes, List<MenuItem> menu, UUID adminOrgId, int bookingHorizonDays,
		int maxPendingPerBranch, int checkInRadiusMeters) {

	/** Bookings up to 60 days ahead, unless the base says otherwise. */
	public static final int DEFAULT_BOOKING_HORIZON_DAYS = 60;

	/** Three bookings awaiting approval per branch, unless the base says otherwise. */
	public static final int DEFAULT_MAX_PENDING_PER_BRANCH = 3;

	/**
	 * Check-in within 500 m of the base's point (a site, not a room), unless the base
	 * says otherwise.
	 */
	public static final int DEFAULT_CHECK_IN_RADIUS_METERS = 500;

	public Base {
		openingHours = List.copyOf(openingHours);
		menu = List.copyOf(menu);
	}

	/** A base with the default booking and check-in rules. */
	public Base(UUID id, String name, BaseType type, String address, double lat, double lng, int capacity,
			List<OpeningPeriod> openingHours, int slotMinutes, List<MenuItem> menu, UUID adminOrgId) {
		this(id, name, type, address, lat, lng, capacity, openingHours, slotMinutes, menu, adminOrgId,
				DEFAULT_BOOKING_HORIZON_DAYS, DEFAULT_MAX_PENDING_PER_BRANCH, DEFAULT_CHECK_IN_RADIUS_METERS);
	}

	/** Where a member checking in at the base must be. */
	public Geofence geofence() {
		return new Geofence(this.lat, this.lng, this.checkInRadiusMeters);
	}

	/** The slots of this base's opening hours. */
	public SlotGrid grid(ZoneId zone) {
		return new SlotGrid(this.openingHours, this.slotMinutes, zone);
	}

	/** The ids among {@code ids} that are not on the menu. */
	public List<UUID> notOnMenu(List<UUID> ids) {
		return ids.stream()
			.filter((candidate) -> this.menu.stream().noneMatch((item) -> item.id().equals(candidate)))
			.toList();
	}

	/** How long the chosen items take together. */
	public int minutesOf(List<UUID> ids) {
		return this.menu.stream().filter((item) -> ids.contains(item.id())).mapToInt(MenuItem::minutes).sum();
	}

}
