package cn.partybuilding.volunteer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The hour arithmetic of a project's time span, in plain Java. Volunteers may check in
 * from a short while before the start until the end and check out until a short while
 * after it (people arrive early and leave a few minutes late); the hours counted are only
 * those inside the span, rounded down to the half hour.
 *
 * @param startsAt when the project starts
 * @param endsAt when it ends
 */
record ServiceWindow(Instant startsAt, Instant endsAt) {

	/** Check-in (and checkout) opens this long before the start. */
	static final Duration EARLY = Duration.ofMinutes(30);

	/**
	 * Checkout stays open this long after the end; the time after the end does not count.
	 */
	static final Duration LATE = Duration.ofMinutes(30);

	private static final long HALF_HOUR_SECONDS = Duration.ofMinutes(30).toSeconds();

	private static final BigDecimal HALF = new BigDecimal("0.5");

	ServiceWindow {
		if (!endsAt.isAfter(startsAt)) {
			throw new IllegalArgumentException("A project ends after it starts");
		}
	}

	/** From {@link #EARLY} before the start until (not at) the end. */
	boolean checkInOpenAt(Instant now) {
		return !now.isBefore(this.startsAt.minus(EARLY)) && now.isBefore(this.endsAt);
	}

	/** From {@link #EARLY} before the start until {@link #LATE} after the end. */
	boolean checkOutOpenAt(Instant now) {
		return !now.isBefore(this.startsAt.minus(EARLY)) && !now.isAfter(this.endsAt.plus(LATE));
	}

	/**
	 * Whether a checkout made up by the secretary may be put at {@code checkedOutAt}:
	 * never after the end.
	 */
	boolean mayEndAt(Instant checkedOutAt) {
		return !checkedOutAt.isAfter(this.endsAt);
	}

	/**
	 * The hours between check-in and checkout that lie inside the span, rounded down to
	 * the half hour: never more than the project lasts, 0 when the two do not overlap.
	 */
	BigDecimal hours(Instant checkedInAt, Instant checkedOutAt) {
		Instant from = checkedInAt.isAfter(this.startsAt) ? checkedInAt : this.startsAt;
		Instant to = checkedOutAt.isBefore(this.endsAt) ? checkedOutAt : this.endsAt;
		long halfHours = to.isAfter(from) ? Duration.between(from, to).toSeconds() / HALF_HOUR_SECONDS : 0;
		return HALF.multiply(BigDecimal.valueOf(halfHours)).setScale(1, RoundingMode.UNNECESSARY);
	}

	/**
	 * Whether {@code hours} is a whole number of half hours, as every figure of hours
	 * here is.
	 */
	static boolean inHalfHours(BigDecimal hours) {
		return hours.signum() >= 0 && hours.remainder(HALF).signum() == 0;
	}

}
