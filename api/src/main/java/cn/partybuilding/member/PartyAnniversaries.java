package cn.partybuilding.member;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.Year;

/**
 * Party years and political birthdays (政治生日): the anniversary of the day a member joined.
 * Someone who joined on 29 February celebrates on 28 February in common years.
 */
public final class PartyAnniversaries {

	private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

	private PartyAnniversaries() {
	}

	/** Full years in the party on {@code today}. */
	public static int partyYears(LocalDate joinedOn, LocalDate today) {
		return today.isBefore(joinedOn) ? 0 : Period.between(joinedOn, today).getYears();
	}

	/** The political birthday in a given year. */
	public static LocalDate inYear(LocalDate joinedOn, int year) {
		MonthDay day = MonthDay.from(joinedOn);
		if (day.equals(LEAP_DAY) && !Year.isLeap(year)) {
			return LocalDate.of(year, 2, 28);
		}
		return day.atYear(year);
	}

	/**
	 * The next political birthday on or after {@code today} (today itself when it is the
	 * day).
	 */
	public static LocalDate next(LocalDate joinedOn, LocalDate today) {
		LocalDate thisYear = inYear(joinedOn, today.getYear());
		LocalDate next = thisYear.isBefore(today) ? inYear(joinedOn, today.getYear() + 1) : thisYear;
		return next.isAfter(joinedOn) ? next : inYear(joinedOn, joinedOn.getYear() + 1);
	}

}
