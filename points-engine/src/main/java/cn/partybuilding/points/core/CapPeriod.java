package cn.partybuilding.points.core;

import java.time.LocalDate;

/** A business-calendar period a cap applies to; also names the cap that cut an award. */
public enum CapPeriod {

	DAY, MONTH, YEAR;

	/** The first local date of the period of this kind that contains {@code date}. */
	public LocalDate start(LocalDate date) {
		return switch (this) {
			case DAY -> date;
			case MONTH -> date.withDayOfMonth(1);
			case YEAR -> date.withDayOfYear(1);
		};
	}

	/** Whether both dates lie in the same period of this kind. */
	public boolean same(LocalDate first, LocalDate second) {
		return start(first).equals(start(second));
	}

}
