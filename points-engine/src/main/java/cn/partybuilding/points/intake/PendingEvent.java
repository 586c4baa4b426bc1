package cn.partybuilding.points.intake;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.points.core.PointsEvent;

/**
 * A stored event waiting to be scored: its place in the queue, how often scoring it
 * failed, and the event, or {@code null} with the problem when the row could not be read
 * as one (e.g. a type only a newer version knows).
 */
record PendingEvent(long seq, int attempts, String eventId, String memberId, @Nullable PointsEvent event,
		@Nullable RuntimeException problem) {

	RuntimeException readableProblem() {
		return (this.problem != null) ? this.problem : new IllegalStateException("Unreadable event");
	}

	PointsEvent readable() {
		if (this.event == null) {
			throw readableProblem();
		}
		return this.event;
	}

}
