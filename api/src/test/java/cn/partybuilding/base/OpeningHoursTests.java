package cn.partybuilding.base;

import java.time.DayOfWeek;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.partybuilding.web.problem.Violation;

import static cn.partybuilding.base.SlotGridTests.period;
import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursTests {

	@Test
	void separateAndTouchingPeriodsAreFine() {
		assertThat(OpeningHours.check(List.of(period(DayOfWeek.MONDAY, "09:00", "12:00"),
				period(DayOfWeek.MONDAY, "12:00", "17:00"), period(DayOfWeek.TUESDAY, "10:00", "11:00")), 60))
			.isEmpty();
		assertThat(OpeningHours.check(List.of(), 60)).isEmpty();
	}

	@Test
	void aPeriodThatEndsBeforeOrWhenItStartsIsNamed() {
		assertThat(OpeningHours.check(List.of(period(DayOfWeek.MONDAY, "09:00", "12:00"),
				period(DayOfWeek.MONDAY, "17:00", "13:00"), period(DayOfWeek.FRIDAY, "08:00", "08:00")), 30))
			.extracting(Violation::field, Violation::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("openingHours[1]", "openingHoursOrder"),
					org.assertj.core.groups.Tuple.tuple("openingHours[2]", "openingHoursOrder"));
	}

	@Test
	void overlappingPeriodsOfOneDayAreNamedWithTheOneTheyOverlap() {
		List<Violation> violations = OpeningHours.check(List.of(period(DayOfWeek.MONDAY, "09:00", "12:00"),
				period(DayOfWeek.TUESDAY, "09:00", "12:00"), period(DayOfWeek.MONDAY, "11:00", "13:00")), 30);
		assertThat(violations).singleElement().satisfies((violation) -> {
			assertThat(violation.field()).isEqualTo("openingHours[2]");
			assertThat(violation.messageKey()).isEqualTo("openingHoursOverlap");
			assertThat(violation.args()).containsExactly("openingHours[0]");
		});
		assertThat(OpeningHours
			.check(List.of(period(DayOfWeek.MONDAY, "09:00", "17:00"), period(DayOfWeek.MONDAY, "10:00", "11:00")), 30))
			.extracting(Violation::messageKey)
			.containsExactly("openingHoursOverlap");
	}

	@Test
	void aPeriodShorterThanOneSlotIsNamed() {
		assertThat(OpeningHours.check(List.of(period(DayOfWeek.MONDAY, "09:00", "09:45")), 60))
			.extracting(Violation::messageKey)
			.containsExactly("openingHoursShorterThanSlot");
	}

}
