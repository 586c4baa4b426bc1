package cn.partybuilding.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.web.problem.InputRejected;

/**
 * The calendar a client may write in: dates from 1900-01-01 to 2100-12-31, and instants
 * from 1900-01-01T00:00:00Z to the end of 2100-12-31 in UTC. Java's and PostgreSQL's
 * calendars differ (years ±999,999,999 against 4713 BC to 294,276 AD) and a year like
 * 999,999,999 overflows the first date arithmetic done on it; nobody in the party joined
 * before 1900 or meets after 2100. Every date and time a client sends is checked here as
 * it is read (query parameters, path variables, JSON bodies, CSV cells), so no feature
 * has to remember to.
 */
public final class InputBounds {

	public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);

	public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);

	public static final int FIRST_YEAR = FIRST_DATE.getYear();

	public static final int LAST_YEAR = LAST_DATE.getYear();

	/** How the bounds read in the OpenAPI document. */
	public static final String DATE_DESCRIPTION = "a date from " + FIRST_DATE + " to " + LAST_DATE;

	public static final String DATE_TIME_DESCRIPTION = "an ISO-8601 date-time with offset, from " + FIRST_DATE
			+ "T00:00:00Z to " + LAST_DATE + "T23:59:59.999999999Z";

	/**
	 * The message key of a value outside the bounds, with the bounds as its arguments.
	 */
	public static final String MESSAGE_KEY = "dateBounds";

	private static final Instant FIRST_INSTANT = FIRST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();

	private static final Instant END_INSTANT = LAST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

	private InputBounds() {
	}

	public static boolean contains(LocalDate date) {
		return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
	}

	public static boolean contains(Instant instant) {
		return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT);
	}

	/** Whether the type is one whose values are checked here. */
	public static boolean isBounded(Class<?> type) {
		return type == LocalDate.class || type == Instant.class || type == OffsetDateTime.class
				|| type == ZonedDateTime.class || type == LocalDateTime.class;
	}

	/**
	 * The value itself, if it lies within the bounds (or is {@code null});
	 * {@link InputRejected} otherwise.
	 */
	public static <T> @Nullable T check(@Nullable T value) {
		boolean within = switch (value) {
			case null -> true;
			case LocalDate date -> contains(date);
			case Instant instant -> contains(instant);
			case OffsetDateTime dateTime -> contains(dateTime.toInstant());
			case ZonedDateTime dateTime -> contains(dateTime.toInstant());
			case LocalDateTime dateTime -> contains(dateTime.toLocalDate());
			default -> true;
		};
		if (!within) {
			throw rejected();
		}
		return value;
	}

	public static InputRejected rejected() {
		return new InputRejected(MESSAGE_KEY, FIRST_DATE.toString(), LAST_DATE.toString());
	}

}
