package cn.partybuilding.points.intake;

import java.time.Duration;

/**
 * How long to wait before scoring a failing event again: doubling with every attempt, at
 * most an hour.
 */
final class Backoff {

	static final Duration MAX = Duration.ofHours(1);

	private Backoff() {
	}

	/** The wait after {@code attempts} failed attempts (1 for the first failure). */
	static Duration after(int attempts, Duration first) {
		int doublings = Math.max(0, Math.min(attempts - 1, 30));
		Duration wait = first.multipliedBy(1L << doublings);
		return (wait.compareTo(MAX) > 0) ? MAX : wait;
	}

}
