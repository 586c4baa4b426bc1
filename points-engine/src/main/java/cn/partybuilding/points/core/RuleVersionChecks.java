package cn.partybuilding.points.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.partybuilding.points.core.RuleViolation.InvalidField;

/**
 * The checks a rule version must pass on its own, before it is compared with other
 * versions.
 */
final class RuleVersionChecks {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

	private RuleVersionChecks() {
	}

	static List<RuleViolation> of(RuleVersion rule) {
		List<RuleViolation> found = new ArrayList<>();
		if (rule.id().isBlank()) {
			found.add(new InvalidField("id", "must not be blank"));
		}
		if (!CODE.matcher(rule.code()).matches()) {
			found.add(new InvalidField("code", "must be UPPER_SNAKE_CASE"));
		}
		if (rule.name().isBlank()) {
			found.add(new InvalidField("name", "must not be blank"));
		}
		checkPoints(rule, found);
		for (CapPeriod period : CapPeriod.values()) {
			rule.caps()
				.limit(period)
				.filter((cap) -> cap.signum() <= 0)
				.ifPresent((cap) -> found.add(new InvalidField(capField(period), "must be positive")));
		}
		if (rule.effectiveTo() != null && rule.effectiveTo().isBefore(rule.effectiveFrom())) {
			found.add(new InvalidField("effectiveTo", "must not be before effectiveFrom"));
		}
		if (rule.match().entrySet().stream().anyMatch((m) -> m.getKey().isBlank() || m.getValue().isBlank())) {
			found.add(new InvalidField("match", "keys and values must not be blank"));
		}
		return found;
	}

	private static void checkPoints(RuleVersion rule, List<RuleViolation> found) {
		boolean fromEvent = rule.basis() == AmountBasis.FROM_EVENT;
		if (fromEvent != (rule.eventType() == EventType.MANUAL_ADJUSTMENT)) {
			found.add(new InvalidField("basis", "manual adjustments, and only they, take their amount from the event"));
		}
		if (fromEvent && rule.points().signum() != 0) {
			found.add(new InvalidField("points", "must be 0 when the amount comes from the event"));
		}
		if (!fromEvent && rule.points().signum() <= 0) {
			found.add(new InvalidField("points", "must be positive (the category gives the sign)"));
		}
	}

	private static String capField(CapPeriod period) {
		return switch (period) {
			case DAY -> "capPerDay";
			case MONTH -> "capPerMonth";
			case YEAR -> "capPerYear";
		};
	}

}
