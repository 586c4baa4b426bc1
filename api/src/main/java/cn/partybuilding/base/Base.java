package cn.partybuilding.base;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * An open organizational-life base, with the menu it offers now.
 *
 * @param id the base
 * @param name its name
 * @param type what it is about
 * @param address where it is
 * @param lat latitude
 * @param lng longitude
 * @param capacity how many people one slot holds
 * @param openingHours weekly opening periods
 * @param slotMinutes the length of a slot
 * @param menu the activities on offer
 * @param adminOrgId the org unit that administers it (its ORG_ADMINs manage the base)
 */
public record Base(UUID id, String name, BaseType type, String address, double lat, double lng, int capacity,
		List<OpeningPeriod> openingHours, int slotMinutes, List<MenuItem> menu, UUID adminOrgId) {

	public Base {
		openingHours = List.copyOf(openingHours);
		menu = List.copyOf(menu);
	}

	/** The slots of this base's opening hours. */
	public SlotGrid grid(ZoneId zone) {
		return new SlotGrid(this.openingHours, this.slotMinutes, zone);
	}

	/** The ids among {@code ids} that are not on the menu. */
	public List<UUID> notOnMenu(List<UUID> ids) {
		return ids.stream().filter((id) -> this.menu.stream().noneMatch((item) -> item.id().equals(id))).toList();
	}

	/** How long the chosen items take together. */
	public int minutesOf(List<UUID> ids) {
		return this.menu.stream().filter((item) -> ids.contains(item.id())).mapToInt(MenuItem::minutes).sum();
	}

}
