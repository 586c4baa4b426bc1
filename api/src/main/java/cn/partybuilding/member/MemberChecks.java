package cn.partybuilding.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.web.problem.Violation;

/**
 * The rules a member's dates must follow, checked against "today" in the business zone:
 * nothing in the future, born before joining, at least 18 years old on joining, full
 * membership not before joining.
 */
final class MemberChecks {

	private MemberChecks() {
	}

	static List<Violation> dates(LocalDate birthDate, LocalDate joinedOn, @Nullable LocalDate fullOn, LocalDate today) {
		List<Violation> violations = new ArrayList<>();
		if (birthDate.isAfter(today)) {
			violations.add(Violation.of("birthDate", "notFuture"));
		}
		if (joinedOn.isAfter(today)) {
			violations.add(Violation.of("joinedPartyOn", "notFuture"));
		}
		else if (joinedOn.isBefore(birthDate.plusYears(18))) {
			violations.add(Violation.of("joinedPartyOn", "adultOnJoining"));
		}
		if (fullOn != null) {
			if (fullOn.isAfter(today)) {
				violations.add(Violation.of("fullMemberOn", "notFuture"));
			}
			else if (fullOn.isBefore(joinedOn)) {
				violations.add(Violation.of("fullMemberOn", "notBeforeJoining"));
			}
		}
		return violations;
	}

}
