package cn.partybuilding.base;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A base is open on a day of the week from one time to another (local time in the
 * business zone).
 *
 * @param from opening time
 * @param to closing time, after {@code from} on the same day
 */
public record OpeningPeriod(DayOfWeek dayOfWeek, LocalTime from, LocalTime to) {

	int fromMinute() {
		return this.from.getHour() * 60 + this.from.getMinute();
	}

	int toMinute() {
		return this.to.getHour() * 60 + this.to.getMinute();
	}

	boolean overlaps(OpeningPeriod other) {
		return this.dayOfWeek == other.dayOfWeek && this.from.isBefore(other.to) && other.from.isBefore(this.to);
	}

}
