package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The magnitude a rule may still award for a request, and the cap that cut it, if any.
 */
record Allowance(BigDecimal awarded, @Nullable CapPeriod cappedBy) {

	/**
	 * Cuts the request to the tightest remaining cap. When two caps leave the same room
	 * the shorter period is named, being the one that frees up first.
	 */
	static Allowance of(BigDecimal requested, Caps caps, PeriodTotals used) {
		BigDecimal awarded = requested;
		@Nullable CapPeriod cappedBy = null;
		for (CapPeriod period : CapPeriod.values()) {
			Optional<BigDecimal> cap = caps.limit(period);
			if (cap.isEmpty()) {
				continue;
			}
			BigDecimal room = cap.get().subtract(used.in(period).max(Points.ZERO)).max(Points.ZERO);
			if (room.compareTo(awarded) < 0) {
				awarded = room;
				cappedBy = period;
			}
		}
		return new Allowance(Points.of(awarded), cappedBy);
	}

}
