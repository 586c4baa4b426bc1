package cn.partybuilding.notification.birthday;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PoliticalBirthdayTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void anOrdinaryDayCelebratesOnlyItsOwnMonthDay() {
		assertThat(PoliticalBirthday.joinDaysCelebratedOn(LocalDate.of(2026, 7, 1))).containsExactly(MonthDay.of(7, 1));
	}

	@Test
	void the28thOfFebruaryOfACommonYearAlsoCelebratesThoseWhoJoinedOnThe29th() {
		assertThat(PoliticalBirthday.joinDaysCelebratedOn(LocalDate.of(2027, 2, 28)))
			.containsExactly(MonthDay.of(2, 28), MonthDay.of(2, 29));
	}

	@Test
	void inALeapYearThe29thJoinersCelebrateOnTheir29th() {
		assertThat(PoliticalBirthday.joinDaysCelebratedOn(LocalDate.of(2028, 2, 28)))
			.containsExactly(MonthDay.of(2, 28));
		assertThat(PoliticalBirthday.joinDaysCelebratedOn(LocalDate.of(2028, 2, 29)))
			.containsExactly(MonthDay.of(2, 29));
		assertThat(PoliticalBirthday.joinDaysCelebratedOn(LocalDate.of(2100, 2, 28))).as("2100 is not a leap year")
			.contains(MonthDay.of(2, 29));
	}

	@Test
	void aLeapDayJoinerIsGreetedOnThe28thInCommonYearsAndThe29thInLeapYears() {
		LocalDate joined = LocalDate.of(1996, 2, 29);
		assertThat(PoliticalBirthday.isCelebratedOn(joined, LocalDate.of(2027, 2, 28))).isTrue();
		assertThat(PoliticalBirthday.isCelebratedOn(joined, LocalDate.of(2027, 3, 1))).isFalse();
		assertThat(PoliticalBirthday.isCelebratedOn(joined, LocalDate.of(2028, 2, 28))).isFalse();
		assertThat(PoliticalBirthday.isCelebratedOn(joined, LocalDate.of(2028, 2, 29))).isTrue();
		assertThat(PoliticalBirthday.celebratedIn(joined, 2026)).isEqualTo(LocalDate.of(2026, 2, 28));
	}

	@Test
	void theYearsAreCountedFromTheYearOfJoining() {
		assertThat(PoliticalBirthday.years(LocalDate.of(1976, 7, 1), LocalDate.of(2026, 7, 1))).isEqualTo(50);
		assertThat(PoliticalBirthday.years(LocalDate.of(1996, 2, 29), LocalDate.of(2027, 2, 28))).isEqualTo(31);
		assertThat(PoliticalBirthday.years(LocalDate.of(2025, 11, 25), LocalDate.of(2026, 11, 25))).isEqualTo(1);
	}

	@Test
	void theDayOfJoiningItselfIsNoBirthday() {
		assertThat(PoliticalBirthday.isCelebratedOn(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1))).isFalse();
	}

	@Test
	void theNextBirthdayIsTodayOrTheComingAnniversary() {
		LocalDate joined = LocalDate.of(2000, 7, 1);
		assertThat(PoliticalBirthday.nextOnOrAfter(joined, LocalDate.of(2026, 7, 1)))
			.isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(PoliticalBirthday.nextOnOrAfter(joined, LocalDate.of(2026, 7, 2)))
			.isEqualTo(LocalDate.of(2027, 7, 1));
	}

	@Test
	void theDeadlineIsTheEndOfTheLocalDay() {
		assertThat(PoliticalBirthday.deadline(LocalDate.of(2026, 7, 1), SHANGHAI))
			.isEqualTo(Instant.parse("2026-07-01T16:00:00Z"));
		assertThat(PoliticalBirthday.deadline(LocalDate.of(2026, 12, 31), ZoneId.of("UTC")))
			.isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
	}

	@Test
	void monthDaysAreCodedAsTheIndexHoldsThem() {
		assertThat(PoliticalBirthday.code(MonthDay.of(2, 29))).isEqualTo(229);
		assertThat(PoliticalBirthday.code(MonthDay.of(12, 31))).isEqualTo(1231);
	}

}
