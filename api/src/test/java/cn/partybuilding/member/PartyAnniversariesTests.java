package cn.partybuilding.member;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Party years and political birthdays, 29 February included. */
class PartyAnniversariesTests {

	@Test
	void partyYearsCountFullYears() {
		LocalDate joined = LocalDate.of(2001, 7, 1);
		assertThat(PartyAnniversaries.partyYears(joined, LocalDate.of(2026, 6, 30))).isEqualTo(24);
		assertThat(PartyAnniversaries.partyYears(joined, LocalDate.of(2026, 7, 1))).isEqualTo(25);
		assertThat(PartyAnniversaries.partyYears(joined, LocalDate.of(2000, 1, 1))).isZero();
	}

	@Test
	void theNextPoliticalBirthdayIsTodayOnTheDayAndNextYearAfterIt() {
		LocalDate joined = LocalDate.of(1999, 11, 25);
		assertThat(PartyAnniversaries.next(joined, LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(PartyAnniversaries.next(joined, LocalDate.of(2026, 11, 26))).isEqualTo(LocalDate.of(2027, 11, 25));
	}

	@Test
	void aLeapDayJoinerIsCelebratedOnThe28thOfFebruaryInCommonYears() {
		LocalDate joined = LocalDate.of(2004, 2, 29);
		assertThat(PartyAnniversaries.inYear(joined, 2026)).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(PartyAnniversaries.inYear(joined, 2028)).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(PartyAnniversaries.next(joined, LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(PartyAnniversaries.next(joined, LocalDate.of(2027, 3, 1))).isEqualTo(LocalDate.of(2028, 2, 29));
	}

	@Test
	void theFirstPoliticalBirthdayIsAYearAfterJoining() {
		LocalDate joined = LocalDate.of(2026, 11, 25);
		assertThat(PartyAnniversaries.next(joined, joined)).isEqualTo(LocalDate.of(2027, 11, 25));
	}

}
