package cn.partybuilding.points.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Places instants on the local calendar of the business zone (Asia/Shanghai by default):
 * day, month and year.
 */
public record BusinessCalendar(ZoneId zone) {

	/** The default business zone. */
	public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	public BusinessCalendar {
		Objects.requireNonNull(zone, "zone");
	}

	/** The calendar of Asia/Shanghai. */
	public static BusinessCalendar shanghai() {
		return new BusinessCalendar(SHANGHAI);
	}

	/** The local business date of an instant. */
	public LocalDate dateOf(Instant instant) {
		return LocalDate.ofInstant(instant, this.zone);
	}

	/** The local month of an instant. */
	public YearMonth monthOf(Instant instant) {
		return YearMonth.from(dateOf(instant));
	}

	/** The points year of an instant: the year of its local date. */
	public int yearOf(Instant instant) {
		return dateOf(instant).getYear();
	}

	/** The first instant of a local date; the day ends where the next one starts. */
	public Instant startOf(LocalDate date) {
		return date.atStartOfDay(this.zone).toInstant();
	}

	/** The first instant of a points year; the year ends where the next one starts. */
	public Instant startOfYear(int year) {
		return startOf(LocalDate.of(year, 1, 1));
	}

}
