package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The most points of one rule code a member may get (or, for deductions, lose) in a day,
 * a month and a year; an absent cap does not limit.
 */
public record Caps(@Nullable BigDecimal perDay, @Nullable BigDecimal perMonth, @Nullable BigDecimal perYear) {

	/** No limits. */
	public static final Caps NONE = new Caps(null, null, null);

	public Caps {
		perDay = normalised(perDay);
		perMonth = normalised(perMonth);
		perYear = normalised(perYear);
	}

	/** Only a yearly cap. */
	public static Caps yearly(BigDecimal perYear) {
		return new Caps(null, null, perYear);
	}

	/** The cap of the given period, if there is one. */
	public Optional<BigDecimal> limit(CapPeriod period) {
		return Optional.ofNullable(switch (period) {
			case DAY -> this.perDay;
			case MONTH -> this.perMonth;
			case YEAR -> this.perYear;
		});
	}

	private static @Nullable BigDecimal normalised(@Nullable BigDecimal cap) {
		return (cap != null) ? Points.of(cap) : null;
	}

}
