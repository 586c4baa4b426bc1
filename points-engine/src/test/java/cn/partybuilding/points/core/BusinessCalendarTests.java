package cn.partybuilding.points.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTests {

	private final BusinessCalendar calendar = BusinessCalendar.shanghai();

	@Test
	void theLastSecondOfALocalDayStillBelongsToIt() {
		assertThat(this.calendar.dateOf(Instant.parse("2026-01-01T15:59:59Z"))).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(this.calendar.dateOf(Instant.parse("2026-01-01T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 1, 2));
	}

	@Test
	void theLocalYearStartsEightHoursBeforeUtcMidnight() {
		Instant lastOf2025 = Instant.parse("2025-12-31T15:59:59Z");
		Instant firstOf2026 = Instant.parse("2025-12-31T16:00:00Z");
		assertThat(this.calendar.yearOf(lastOf2025)).isEqualTo(2025);
		assertThat(this.calendar.monthOf(lastOf2025)).isEqualTo(YearMonth.of(2025, 12));
		assertThat(this.calendar.yearOf(firstOf2026)).isEqualTo(2026);
		assertThat(this.calendar.monthOf(firstOf2026)).isEqualTo(YearMonth.of(2026, 1));
		assertThat(this.calendar.startOfYear(2026)).isEqualTo(firstOf2026);
	}

	@Test
	void anotherZoneGivesAnotherDay() {
		var utc = new BusinessCalendar(ZoneOffset.UTC);
		assertThat(utc.dateOf(Instant.parse("2026-01-01T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(utc.startOf(LocalDate.of(2026, 1, 2))).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
	}

	@Test
	void capPeriodsStartOnTheFirstDayOfTheirWindow() {
		var date = LocalDate.of(2026, 2, 28);
		assertThat(CapPeriod.DAY.start(date)).isEqualTo(date);
		assertThat(CapPeriod.MONTH.start(date)).isEqualTo(LocalDate.of(2026, 2, 1));
		assertThat(CapPeriod.YEAR.start(date)).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(CapPeriod.MONTH.same(date, LocalDate.of(2026, 3, 1))).isFalse();
		assertThat(CapPeriod.YEAR.same(date, LocalDate.of(2026, 12, 31))).isTrue();
	}

}
