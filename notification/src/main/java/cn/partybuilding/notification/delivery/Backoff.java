package cn.partybuilding.notification.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of
 * {@code initial · 2^(n-1)}, capped at {@code max}. The jitter spreads the retries of a
 * burst (every greeting of the morning failing during the same outage) so they do not hit
 * the recovering gateway at the same instant.
 */
record Backoff(Duration initial, Duration max) {

	/** The wait before the next attempt after {@code attempts} attempts (1 or more). */
	Duration delay(int attempts, RandomGenerator random) {
		long cap = cap(attempts).toMillis();
		long half = cap / 2;
		return Duration.ofMillis(half + random.nextLong(cap - half + 1));
	}

	/** The upper bound of {@link #delay}. */
	Duration cap(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		long millis = this.initial.toMillis() << doublings;
		return (millis <= 0 || millis > this.max.toMillis()) ? this.max : Duration.ofMillis(millis);
	}

}
