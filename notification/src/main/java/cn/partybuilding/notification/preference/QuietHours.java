package cn.partybuilding.notification.preference;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * Local times between which a member does not want to be disturbed, e.g. 22:00 to 07:00
 * (wrapping midnight). {@code from} is inside, {@code to} is not. Deliveries falling
 * inside are held until the quiet hours end.
 *
 * @param from when quiet hours begin
 * @param to when they end
 */
public record QuietHours(LocalTime from, LocalTime to) {

	public QuietHours {
		if (from.equals(to)) {
			throw new IllegalArgumentException("Quiet hours must not begin when they end");
		}
	}

	public boolean wrapsMidnight() {
		return this.to.isBefore(this.from);
	}

	/** Whether {@code time} lies in the quiet hours. */
	public boolean contains(LocalTime time) {
		if (wrapsMidnight()) {
			return !time.isBefore(this.from) || time.isBefore(this.to);
		}
		return !time.isBefore(this.from) && time.isBefore(this.to);
	}

	/**
	 * The first moment after {@code now} at which the quiet hours end (today or tomorrow,
	 * in now's zone).
	 */
	public ZonedDateTime endAfter(ZonedDateTime now) {
		ZonedDateTime end = now.toLocalDate().atTime(this.to).atZone(now.getZone());
		return end.isAfter(now) ? end : end.plusDays(1);
	}

}
