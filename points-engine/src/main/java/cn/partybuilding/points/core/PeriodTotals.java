package cn.partybuilding.points.core;

import java.math.BigDecimal;

/**
 * Magnitudes of points of one rule code in the day, the month and the year around a date.
 */
public record PeriodTotals(BigDecimal day, BigDecimal month, BigDecimal year) {

	/** Nothing used yet. */
	public static final PeriodTotals NONE = new PeriodTotals(Points.ZERO, Points.ZERO, Points.ZERO);

	public PeriodTotals {
		day = Points.of(day);
		month = Points.of(month);
		year = Points.of(year);
	}

	/** The total of the given period. */
	public BigDecimal in(CapPeriod period) {
		return switch (period) {
			case DAY -> this.day;
			case MONTH -> this.month;
			case YEAR -> this.year;
		};
	}

}
