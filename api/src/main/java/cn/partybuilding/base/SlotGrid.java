package cn.partybuilding.base;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A base's weekly opening hours cut into slots of {@code slotMinutes}, in the business
 * zone: each opening period gives the slots that start at its opening time, one after the
 * other, as long as a whole slot fits before closing.
 */
public final class SlotGrid {

	private final Map<DayOfWeek, List<OpeningPeriod>> periodsByDay = new EnumMap<>(DayOfWeek.class);

	private final int slotMinutes;

	private final ZoneId zone;

	public SlotGrid(List<OpeningPeriod> periods, int slotMinutes, ZoneId zone) {
		if (slotMinutes < 1) {
			throw new IllegalArgumentException("slotMinutes must be positive");
		}
		this.slotMinutes = slotMinutes;
		this.zone = zone;
		periods.stream()
			.sorted(Comparator.comparing(OpeningPeriod::from))
			.forEach((period) -> this.periodsByDay.computeIfAbsent(period.dayOfWeek(), (day) -> new ArrayList<>())
				.add(period));
	}

	/** Every slot of a local date, in order; none on a day the base is closed. */
	public List<Slot> slotsOn(LocalDate date) {
		List<Slot> slots = new ArrayList<>();
		for (OpeningPeriod period : periodsOn(date)) {
			for (int minute = period.fromMinute(); minute + this.slotMinutes <= period
				.toMinute(); minute += this.slotMinutes) {
				slots.add(slot(date, minute));
			}
		}
		return slots;
	}

	/**
	 * Where a visit starting at {@code start} and taking {@code minutes} lies: in one or
	 * more consecutive slots of one opening period (at least one, enough for the
	 * minutes), off the grid, or running past closing time.
	 */
	public Placement place(Instant start, int minutes) {
		ZonedDateTime local = start.atZone(this.zone);
		LocalDate date = local.toLocalDate();
		LocalTime time = local.toLocalTime();
		int minute = time.getHour() * 60 + time.getMinute();
		boolean wholeMinute = time.getSecond() == 0 && time.getNano() == 0;
		for (OpeningPeriod period : periodsOn(date)) {
			if (!wholeMinute || !startsSlotIn(period, minute) || !at(date, minute).equals(start)) {
				continue;
			}
			int count = Math.max(1, Math.ceilDiv(minutes, this.slotMinutes));
			if (minute + count * this.slotMinutes > period.toMinute()) {
				return new Placement.PastClosing(at(date, period.toMinute()));
			}
			List<Slot> slots = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				slots.add(slot(date, minute + i * this.slotMinutes));
			}
			return new Placement.Placed(slots);
		}
		return new Placement.OffGrid();
	}

	/** Whether the grid has exactly this slot. */
	public boolean contains(Slot slot) {
		return place(slot.start(), this.slotMinutes) instanceof Placement.Placed placed
				&& placed.slots().equals(List.of(slot));
	}

	private boolean startsSlotIn(OpeningPeriod period, int minute) {
		return minute >= period.fromMinute() && minute + this.slotMinutes <= period.toMinute()
				&& (minute - period.fromMinute()) % this.slotMinutes == 0;
	}

	private List<OpeningPeriod> periodsOn(LocalDate date) {
		return this.periodsByDay.getOrDefault(date.getDayOfWeek(), List.of());
	}

	private Slot slot(LocalDate date, int minute) {
		return new Slot(at(date, minute), at(date, minute + this.slotMinutes));
	}

	private Instant at(LocalDate date, int minuteOfDay) {
		// Periods end at 23:59 at the latest, so every minute here lies on the same date.
		return ZonedDateTime.of(date, LocalTime.of(minuteOfDay / 60, minuteOfDay % 60), this.zone).toInstant();
	}

	/** Where a visit lies on the grid. */
	public sealed interface Placement {

		/**
		 * In these consecutive slots.
		 *
		 * @param slots the slots, in order
		 */
		record Placed(List<Slot> slots) implements Placement {

			public Instant start() {
				return this.slots.getFirst().start();
			}

			public Instant end() {
				return this.slots.getLast().end();
			}

		}

		/** The start is not the start of a slot. */
		record OffGrid() implements Placement {
		}

		/**
		 * The start is a slot's, but the visit would run past closing.
		 *
		 * @param closes when the period closes
		 */
		record PastClosing(Instant closes) implements Placement {
		}

	}

}
