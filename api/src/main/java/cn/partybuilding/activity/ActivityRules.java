package cn.partybuilding.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.web.problem.Violation;

/** What a planned activity must satisfy: a real time span, a sensible venue, methods it can support. */
final class ActivityRules {

	/** Check-in opens this long before the start unless the activity says otherwise. */
	static final Duration DEFAULT_EARLY_CHECK_IN = Duration.ofMinutes(30);

	static final Duration LONGEST = Duration.ofDays(3);

	private ActivityRules() {
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
		if (closesAt != null && !closesAt.isAfter((opensAt != null) ? opensAt : startsAt.minus(DEFAULT_EARLY_CHECK_IN))) {
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
