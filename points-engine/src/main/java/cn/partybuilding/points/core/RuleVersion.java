package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One version of a points rule: from {@code effectiveFrom} to {@code effectiveTo}
 * (inclusive, open-ended when absent) it scores events of {@code eventType} whose details
 * contain every {@code match} entry. {@code points} is a magnitude (per event or per
 * unit, see {@link AmountBasis}); the {@code category} gives the sign.
 */
public record RuleVersion(String id, String code, String name, PointsCategory category, EventType eventType,
		BigDecimal points, AmountBasis basis, Map<String, String> match, Caps caps, LocalDate effectiveFrom,
		@Nullable LocalDate effectiveTo) {

	public RuleVersion {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(eventType, "eventType");
		points = Points.of(points);
		Objects.requireNonNull(basis, "basis");
		match = Map.copyOf(match);
		Objects.requireNonNull(caps, "caps");
		Objects.requireNonNull(effectiveFrom, "effectiveFrom");
	}

	/**
	 * Whether the version is in force on the given business date (both ends inclusive).
	 */
	public boolean inForceOn(LocalDate date) {
		return !date.isBefore(this.effectiveFrom) && (this.effectiveTo == null || !date.isAfter(this.effectiveTo));
	}

	/** Whether the date ranges of the two versions share at least one day. */
	public boolean overlaps(RuleVersion other) {
		return !lastDay(this).isBefore(other.effectiveFrom) && !lastDay(other).isBefore(this.effectiveFrom);
	}

	/** The same version with other points. */
	public RuleVersion withPoints(BigDecimal newPoints) {
		return new RuleVersion(this.id, this.code, this.name, this.category, this.eventType, newPoints, this.basis,
				this.match, this.caps, this.effectiveFrom, this.effectiveTo);
	}

	/** The same version with other caps. */
	public RuleVersion withCaps(Caps newCaps) {
		return new RuleVersion(this.id, this.code, this.name, this.category, this.eventType, this.points, this.basis,
				this.match, newCaps, this.effectiveFrom, this.effectiveTo);
	}

	boolean appliesTo(PointsEvent event) {
		String target = event.targetRuleCode();
		return this.eventType == event.type() && (target == null || target.equals(this.code))
				&& this.match.entrySet().stream().allMatch((m) -> m.getValue().equals(event.details().get(m.getKey())))
				&& (this.basis != AmountBasis.FROM_EVENT || hasMySign(event.explicitPoints()));
	}

	/** The magnitude the event asks for under this version, before any cap. */
	BigDecimal requested(PointsEvent event) {
		return switch (this.basis) {
			case PER_EVENT -> this.points;
			case PER_UNIT -> Points.times(this.points, event.quantity());
			case FROM_EVENT -> explicitMagnitude(event.explicitPoints());
		};
	}

	private static BigDecimal explicitMagnitude(@Nullable BigDecimal explicitPoints) {
		return (explicitPoints != null) ? explicitPoints.abs() : Points.ZERO;
	}

	private boolean hasMySign(@Nullable BigDecimal explicitPoints) {
		return explicitPoints != null && explicitPoints.signum() == this.category.sign();
	}

	private static LocalDate lastDay(RuleVersion version) {
		return (version.effectiveTo != null) ? version.effectiveTo : LocalDate.MAX;
	}

}
