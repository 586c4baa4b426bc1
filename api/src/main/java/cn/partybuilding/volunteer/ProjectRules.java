package cn.partybuilding.volunteer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.partybuilding.web.problem.Violation;

/**
 * What a published project must satisfy: a real time span of one shift that has not ended
 * yet.
 */
final class ProjectRules {

	/**
	 * A project is one shift: a sign-up records one check-in and one checkout, so a
	 * longer piece of work is published as several projects (one per day, say) rather
	 * than counting a week as one stretch of hours.
	 */
	static final Duration LONGEST = Duration.ofHours(24);

	private ProjectRules() {
	}

	static List<Violation> check(Instant startsAt, Instant endsAt, Instant now) {
		List<Violation> violations = new ArrayList<>();
		if (!endsAt.isAfter(startsAt)) {
			violations.add(Violation.of("endsAt", "afterStart"));
		}
		else if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
			violations.add(Violation.of("endsAt", "volunteer.tooLong", LONGEST.toHours()));
		}
		if (!endsAt.isAfter(now)) {
			violations.add(Violation.of("endsAt", "volunteer.ended"));
		}
		return violations;
	}

}
