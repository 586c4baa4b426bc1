package cn.partybuilding.base;

import java.util.ArrayList;
import java.util.List;

import cn.partybuilding.web.problem.Violation;

/**
 * The rules weekly opening hours follow: every period ends after it starts and holds at
 * least one slot, and periods of one day do not overlap (touching is fine: 09:00–12:00
 * and 12:00–17:00).
 */
final class OpeningHours {

	private OpeningHours() {
	}

	/**
	 * What is wrong with the periods, each named by its index in the list; empty when
	 * nothing is.
	 */
	static List<Violation> check(List<OpeningPeriod> periods, int slotMinutes) {
		List<Violation> violations = new ArrayList<>();
		for (int i = 0; i < periods.size(); i++) {
			OpeningPeriod period = periods.get(i);
			if (!period.from().isBefore(period.to())) {
				violations.add(Violation.of(field(i), "openingHoursOrder"));
				continue;
			}
			if (period.toMinute() - period.fromMinute() < slotMinutes) {
				violations.add(Violation.of(field(i), "openingHoursShorterThanSlot", slotMinutes));
			}
			for (int j = 0; j < i; j++) {
				if (period.overlaps(periods.get(j))) {
					violations.add(Violation.of(field(i), "openingHoursOverlap", field(j)));
					break;
				}
			}
		}
		return violations;
	}

	private static String field(int index) {
		return "openingHours[" + index + "]";
	}

}
