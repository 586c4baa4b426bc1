package cn.partybuilding.base;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.partybuilding.base.SlotGrid.Placement;

import static org.assertj.core.api.Assertions.assertThat;

class SlotGridTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** A Wednesday. */
	static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);

	final SlotGrid grid = new SlotGrid(List.of(period(DayOfWeek.WEDNESDAY, "14:00", "17:30"),
			period(DayOfWeek.WEDNESDAY, "09:00", "11:30"), period(DayOfWeek.FRIDAY, "09:00", "10:00")), 60, SHANGHAI);

	@Test
	void periodsAreCutIntoWholeSlotsInOrderAndARemainderIsNotASlot() {
		assertThat(this.grid.slotsOn(WEDNESDAY)).extracting((slot) -> local(slot.start()))
			.containsExactly("09:00", "10:00", "14:00", "15:00", "16:00");
		assertThat(this.grid.slotsOn(WEDNESDAY).getFirst())
			.isEqualTo(new Slot(at(WEDNESDAY, "09:00"), at(WEDNESDAY, "10:00")));
	}

	@Test
	void slotsAreInTheBusinessZone() {
		assertThat(this.grid.slotsOn(WEDNESDAY).getFirst().start()).isEqualTo(Instant.parse("2026-12-02T01:00:00Z"));
	}

	@Test
	void aClosedDayHasNoSlots() {
		assertThat(this.grid.slotsOn(WEDNESDAY.plusDays(1))).isEmpty();
		assertThat(new SlotGrid(List.of(), 30, SHANGHAI).slotsOn(WEDNESDAY)).isEmpty();
	}

	@Test
	void aStartOnTheGridIsPlacedInOneSlotWithoutMenuMinutes() {
		assertThat(this.grid.place(at(WEDNESDAY, "15:00"), 0))
			.isEqualTo(new Placement.Placed(List.of(new Slot(at(WEDNESDAY, "15:00"), at(WEDNESDAY, "16:00")))));
	}

	@Test
	void menuMinutesTakeAsManyConsecutiveSlotsAsTheyNeed() {
		Placement.Placed placed = (Placement.Placed) this.grid.place(at(WEDNESDAY, "14:00"), 61);
		assertThat(placed.slots()).hasSize(2);
		assertThat(placed.start()).isEqualTo(at(WEDNESDAY, "14:00"));
		assertThat(placed.end()).isEqualTo(at(WEDNESDAY, "16:00"));
		assertThat(((Placement.Placed) this.grid.place(at(WEDNESDAY, "14:00"), 180)).slots()).hasSize(3);
	}

	@Test
	void aVisitRunningPastClosingIsNotPlaced() {
		assertThat(this.grid.place(at(WEDNESDAY, "16:00"), 90))
			.isEqualTo(new Placement.PastClosing(at(WEDNESDAY, "17:30")));
		assertThat(this.grid.place(at(WEDNESDAY, "10:00"), 120))
			.isEqualTo(new Placement.PastClosing(at(WEDNESDAY, "11:30")));
	}

	@Test
	void startsOffTheGridAreRefused() {
		assertThat(this.grid.place(at(WEDNESDAY, "09:30"), 0)).isInstanceOf(Placement.OffGrid.class);
		assertThat(this.grid.place(at(WEDNESDAY, "08:00"), 0)).isInstanceOf(Placement.OffGrid.class);
		assertThat(this.grid.place(at(WEDNESDAY, "12:00"), 0)).isInstanceOf(Placement.OffGrid.class);
		// 11:00 would end at 12:00, after the 11:30 closing: the remainder is not a slot.
		assertThat(this.grid.place(at(WEDNESDAY, "11:00"), 0)).isInstanceOf(Placement.OffGrid.class);
		assertThat(this.grid.place(at(WEDNESDAY.plusDays(1), "09:00"), 0)).isInstanceOf(Placement.OffGrid.class);
		assertThat(this.grid.place(at(WEDNESDAY, "09:00").plusSeconds(1), 0)).isInstanceOf(Placement.OffGrid.class);
	}

	@Test
	void theLocalDateOfAStartCountsNotTheUtcDate() {
		// 09:00 on Friday in Shanghai is 01:00 UTC the same day; 09:00 UTC on Friday is
		// 17:00 in Shanghai.
		assertThat(this.grid.place(at(WEDNESDAY.plusDays(2), "09:00"), 0)).isInstanceOf(Placement.Placed.class);
		assertThat(this.grid.place(Instant.parse("2026-12-04T09:00:00Z"), 0)).isInstanceOf(Placement.OffGrid.class);
	}

	@Test
	void theGridKnowsItsOwnSlotsOnly() {
		assertThat(this.grid.contains(new Slot(at(WEDNESDAY, "10:00"), at(WEDNESDAY, "11:00")))).isTrue();
		assertThat(this.grid.contains(new Slot(at(WEDNESDAY, "10:00"), at(WEDNESDAY, "10:30")))).isFalse();
		assertThat(this.grid.contains(new Slot(at(WEDNESDAY, "10:30"), at(WEDNESDAY, "11:30")))).isFalse();
	}

	static OpeningPeriod period(DayOfWeek day, String from, String to) {
		return new OpeningPeriod(day, LocalTime.parse(from), LocalTime.parse(to));
	}

	static Instant at(LocalDate date, String time) {
		return ZonedDateTime.of(date, LocalTime.parse(time), SHANGHAI).toInstant();
	}

	static String local(Instant instant) {
		return instant.atZone(SHANGHAI).toLocalTime().toString();
	}

}
