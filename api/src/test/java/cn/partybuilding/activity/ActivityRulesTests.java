package cn.partybuilding.activity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.partybuilding.activity.ActivityStatus.Action;
import cn.partybuilding.web.problem.Violation;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning rules, venue distances and the activity's transitions. */
class ActivityRulesTests {

	static final Instant START = Instant.parse("2026-12-01T01:00:00Z");

	static final Venue VENUE = new Venue("党群服务中心", 31.2304, 121.4737, 200);

	@Test
	void aPlausibleActivityPasses() {
		assertThat(ActivityRules.check(START, START.plusSeconds(7200), null, null, VENUE,
				EnumSet.of(CheckInMethod.QR, CheckInMethod.GEO)))
			.isEmpty();
	}

	@Test
	void anEndBeforeTheStartAZeroOrHugeRadiusAndGeoWithoutVenueAreRefused() {
		assertThat(ActivityRules.check(START, START.minusSeconds(60), null, null, null, Set.of(CheckInMethod.QR)))
			.extracting(Violation::field)
			.containsExactly("endsAt");
		assertThat(ActivityRules.check(START, START.plusSeconds(60), null, null, new Venue("x", 0, 0, 0),
				Set.of(CheckInMethod.GEO)))
			.extracting(Violation::field)
			.containsExactly("venue.radiusMeters");
		assertThat(ActivityRules.check(START, START.plusSeconds(60), null, null, new Venue("x", 0, 0, 5001),
				Set.of(CheckInMethod.QR)))
			.extracting(Violation::field)
			.containsExactly("venue.radiusMeters");
		assertThat(ActivityRules.check(START, START.plusSeconds(60), null, null, null, Set.of(CheckInMethod.GEO)))
			.extracting(Violation::field)
			.containsExactly("venue");
		assertThat(ActivityRules.check(START, START.plusSeconds(60), null, null, null, Set.of()))
			.extracting(Violation::field)
			.containsExactly("checkInMethods");
	}

	@Test
	void theMeetingsOfSanHuiYiKeAreCheckedInByCodeAndPositionUnlessTheSecretaryChoosesOtherwise() {
		for (ActivityType meeting : EnumSet.of(ActivityType.BRANCH_ASSEMBLY, ActivityType.COMMITTEE_MEETING,
				ActivityType.GROUP_MEETING, ActivityType.PARTY_LECTURE)) {
			assertThat(ActivityRules.methods(meeting, null)).containsExactlyInAnyOrder(CheckInMethod.QR,
					CheckInMethod.GEO);
			assertThat(ActivityRules.methods(meeting, Set.of(CheckInMethod.GEO))).containsExactly(CheckInMethod.GEO);
			// The default asks for a venue, and says so on the venue.
			assertThat(ActivityRules.check(meeting, START, START.plusSeconds(60), null, null, null, null))
				.extracting(Violation::field, Violation::messageKey)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("venue", "venueForMeeting"));
			assertThat(ActivityRules.check(meeting, START, START.plusSeconds(60), null, null, null,
					Set.of(CheckInMethod.QR)))
				.isEmpty();
		}
		for (ActivityType other : EnumSet.of(ActivityType.THEME_DAY, ActivityType.ORG_LIFE, ActivityType.OTHER)) {
			assertThat(ActivityRules.methods(other, null)).containsExactly(CheckInMethod.QR);
			assertThat(ActivityRules.check(other, START, START.plusSeconds(60), null, null, null, null)).isEmpty();
		}
		assertThat(ActivityRules.check(ActivityType.BRANCH_ASSEMBLY, START, START.plusSeconds(60), null, null, null,
				Set.of()))
			.extracting(Violation::field)
			.containsExactly("checkInMethods");
	}

	@Test
	void distancesAreGreatCircleMetres() {
		assertThat(VENUE.distanceTo(31.2304, 121.4737)).isZero();
		// 0.001 degree of latitude is about 111 metres.
		assertThat(VENUE.distanceTo(31.2314, 121.4737)).isBetween(110.0, 112.0);
	}

	@Test
	void transitionsGoOnlyWhereTheyMay() {
		assertThat(ActivityStatus.PENDING_APPROVAL.after(Action.APPROVE)).isEqualTo(ActivityStatus.APPROVED);
		assertThat(ActivityStatus.PENDING_APPROVAL.after(Action.REJECT)).isEqualTo(ActivityStatus.REJECTED);
		assertThat(ActivityStatus.APPROVED.after(Action.CANCEL)).isEqualTo(ActivityStatus.CANCELLED);
		assertThat(ActivityStatus.APPROVED.after(Action.APPROVE)).isNull();
		assertThat(ActivityStatus.CANCELLED.after(Action.APPROVE)).isNull();
		assertThat(ActivityStatus.REJECTED.after(Action.CANCEL)).isNull();
		assertThat(ActivityStatus.COMPLETED.after(Action.CANCEL)).isNull();
	}

}
