package cn.partybuilding.notification.birthday;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

/**
 * The calendar of political birthdays (政治生日): the anniversary of joining the party,
 * celebrated on 28 February in common years by those who joined on 29 February. Pure: no
 * clock, no zone of its own.
 */
public final class PoliticalBirthday {

	private static final MonthDay LEAP_DAY = MonthDay.of(Month.FEBRUARY, 29);

	private PoliticalBirthday() {
	}

	/** The joining month-days whose anniversary is celebrated on {@code day}. */
	public static List<MonthDay> joinDaysCelebratedOn(LocalDate day) {
		MonthDay today = MonthDay.from(day);
		if (today.equals(MonthDay.of(Month.FEBRUARY, 28)) && !day.isLeapYear()) {
			return List.of(today, LEAP_DAY);
		}
		return List.of(today);
	}

	/**
	 * The day in {@code year} on which someone who joined on {@code joined} celebrates.
	 */
	public static LocalDate celebratedIn(LocalDate joined, int year) {
		// MonthDay.atYear turns 29 February into 28 February in common years.
		return MonthDay.from(joined).atYear(year);
	}

	/**
	 * Whether {@code day} is a political birthday of someone who joined on {@code joined}
	 * (a year or more ago).
	 */
	public static boolean isCelebratedOn(LocalDate joined, LocalDate day) {
		return joined.getYear() < day.getYear() && celebratedIn(joined, day.getYear()).equals(day);
	}

	/** Years in the party on the political birthday in {@code day}'s year. */
	public static int years(LocalDate joined, LocalDate day) {
		return day.getYear() - joined.getYear();
	}

	/** The next political birthday on or after {@code day}. */
	public static LocalDate nextOnOrAfter(LocalDate joined, LocalDate day) {
		LocalDate thisYear = celebratedIn(joined, day.getYear());
		return thisYear.isBefore(day) ? celebratedIn(joined, day.getYear() + 1) : thisYear;
	}

	/**
	 * The last moment a greeting for {@code day} may go out: the end of that local day. A
	 * greeting later than this would be wrong ("today is your political birthday" on the
	 * next day), so it is given up instead.
	 */
	public static Instant deadline(LocalDate day, ZoneId zone) {
		return day.plusDays(1).atStartOfDay(zone).toInstant();
	}

	/**
	 * The month-day as a number, {@code month * 100 + day} (229 for 29 February), as the
	 * birthday index holds it.
	 */
	public static int code(MonthDay monthDay) {
		return monthDay.getMonthValue() * 100 + monthDay.getDayOfMonth();
	}

}
