package cn.partybuilding.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.web.problem.Violation;

/**
 * What a planned activity must satisfy: a real time span, a sensible venue, methods it
 * can support. The 三会一课 are checked in by code and position unless the secretary chooses
 * otherwise: a code relayed from the meeting room checks in someone who is not there, and
 * the venue's published coordinates do the same for a check-in by position alone.
 */
final class ActivityRules {

	/** Check-in opens this long before the start unless the activity says otherwise. */
	static final Duration DEFAULT_EARLY_CHECK_IN = Duration.ofMinutes(30);

	static final Duration LONGEST = Duration.ofDays(3);

	/** 支部党员大会, 支委会, 党小组会, 党课: the meetings 三会一课 counts. */
	static final Set<ActivityType> MEETINGS = EnumSet.of(ActivityType.BRANCH_ASSEMBLY, ActivityType.COMMITTEE_MEETING,
			ActivityType.GROUP_MEETING, ActivityType.PARTY_LECTURE);

	private ActivityRules() {
	}

	/**
	 * How members check in: the methods the secretary chose, or by default the code and
	 * the position for the 三会一课 and the code alone for anything else.
	 */
	static Set<CheckInMethod> methods(ActivityType type, @Nullable Collection<CheckInMethod> chosen) {
		if (chosen != null) {
			return chosen.isEmpty() ? EnumSet.noneOf(CheckInMethod.class) : EnumSet.copyOf(chosen);
		}
		return MEETINGS.contains(type) ? EnumSet.of(CheckInMethod.QR, CheckInMethod.GEO) : EnumSet.of(CheckInMethod.QR);
	}

	/**
	 * As {@link #check(Instant, Instant, Instant, Instant, Venue, Set)} for the methods
	 * {@link #methods} gives; a meeting planned without methods or venue is told that its
	 * default, the code and the position, needs a venue.
	 */
	static List<Violation> check(ActivityType type, Instant startsAt, Instant endsAt, @Nullable Instant opensAt,
			@Nullable Instant closesAt, @Nullable Venue venue, @Nullable Collection<CheckInMethod> chosen) {
		List<Violation> violations = check(startsAt, endsAt, opensAt, closesAt, venue, methods(type, chosen));
		if (chosen != null) {
			return violations;
		}
		return violations.stream()
			.map((violation) -> violation.messageKey().equals("venueForGeo") ? Violation.of("venue", "venueForMeeting")
					: violation)
			.toList();
	}

	static List<Violation> check(Instant startsAt, Instant endsAt, @Nullable Instant opensAt,
			@Nullable Instant closesAt, @Nullable Venue venue, Set<CheckInMethod> methods) {
		List<Violation> violations = new ArrayList<>();
		if (!endsAt.isAfter(startsAt)) {
			violations.add(Violation.of("endsAt", "afterStart"));
		}
		else if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
			violations.add(Violation.of("endsAt", "tooLong", LONGEST.toDays()));
		}
		if (opensAt != null && opensAt.isAfter(startsAt)) {
			violations.add(Violation.of("checkInOpensAt", "notAfterStart"));
		}
		if (closesAt != null
				&& !closesAt.isAfter((opensAt != null) ? opensAt : startsAt.minus(DEFAULT_EARLY_CHECK_IN))) {
			violations.add(Violation.of("checkInClosesAt", "afterOpening"));
		}
		if (methods.isEmpty()) {
			violations.add(Violation.of("checkInMethods", "required"));
		}
		if (venue != null && (venue.radiusMeters() < 1 || venue.radiusMeters() > 5000)) {
			violations.add(Violation.of("venue.radiusMeters", "radius"));
		}
		if (methods.contains(CheckInMethod.GEO) && venue == null) {
			violations.add(Violation.of("venue", "venueForGeo"));
		}
		return violations;
	}

}
