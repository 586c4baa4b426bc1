package cn.partybuilding.jobs;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * When a job runs, in local time: every day at a time ({@code "08:00"}) or on one weekday
 * ({@code "MON 08:30"}).
 *
 * @param dayOfWeek the weekday of a weekly job; {@code null} for daily
 * @param time the local time
 */
record JobSchedule(@Nullable DayOfWeek dayOfWeek, LocalTime time) {

	static JobSchedule parse(String text) {
		String[] parts = text.trim().split("\\s+");
		try {
			if (parts.length == 1) {
				return new JobSchedule(null, LocalTime.parse(parts[0]));
			}
			if (parts.length == 2) {
				return new JobSchedule(weekday(parts[0]), LocalTime.parse(parts[1]));
			}
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			// reported below
		}
		throw new IllegalArgumentException("Not a job schedule (\"HH:mm\" or \"MON HH:mm\"): " + text);
	}

	/** Whether the run of {@code now}'s date is due: its day, at or after its time. */
	boolean isDue(LocalDateTime now) {
		return (this.dayOfWeek == null || now.getDayOfWeek() == this.dayOfWeek)
				&& !now.toLocalTime().isBefore(this.time);
	}

	private static DayOfWeek weekday(String text) {
		String upper = text.toUpperCase(Locale.ROOT);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().startsWith(upper) && upper.length() >= 3) {
				return day;
			}
		}
		throw new IllegalArgumentException(text);
	}

}
