package cn.partybuilding.member;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.partybuilding.web.problem.Violation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates of a member: nothing in the future, adult on joining, full membership after
 * joining.
 */
class MemberChecksTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	@Test
	void plausibleDatesPass() {
		assertThat(
				MemberChecks.dates(LocalDate.of(1980, 1, 1), LocalDate.of(2000, 7, 1), LocalDate.of(2001, 7, 1), TODAY))
			.isEmpty();
	}

	@Test
	void joiningBeforeEighteenIsRefusedAndEighteenTodayIsFine() {
		assertThat(MemberChecks.dates(LocalDate.of(2000, 3, 1), LocalDate.of(2018, 2, 28), null, TODAY))
			.extracting(Violation::field, Violation::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("joinedPartyOn", "adultOnJoining"));
		assertThat(MemberChecks.dates(LocalDate.of(2000, 3, 1), LocalDate.of(2018, 3, 1), null, TODAY)).isEmpty();
	}

	@Test
	void futureDatesAreRefusedFieldByField() {
		assertThat(MemberChecks.dates(TODAY.plusDays(1), TODAY.plusDays(2), TODAY.plusDays(3), TODAY))
			.extracting(Violation::field)
			.containsExactly("birthDate", "joinedPartyOn", "fullMemberOn");
	}

	@Test
	void fullMembershipBeforeJoiningIsRefused() {
		assertThat(MemberChecks.dates(LocalDate.of(1980, 1, 1), LocalDate.of(2000, 7, 1), LocalDate.of(2000, 6, 30),
				TODAY))
			.extracting(Violation::field)
			.containsExactly("fullMemberOn");
	}

}
