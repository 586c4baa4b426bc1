package cn.partybuilding.volunteer;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Where a project stands: OPEN for sign-ups, CLOSED to new sign-ups (those signed up
 * still serve), CANCELLED, or FINISHED once its end has passed (unless cancelled).
 * FINISHED follows from the time and is never stored.
 */
enum ProjectStatus {

	OPEN, CLOSED, CANCELLED, FINISHED;

	/** What a secretary may do to a project. */
	enum Action {

		CLOSE, CANCEL

	}

	/**
	 * The status after {@code action}, or {@code null} when the action is not allowed
	 * from this status.
	 */
	@Nullable ProjectStatus after(Action action) {
		return switch (action) {
			case CLOSE -> (this == OPEN) ? CLOSED : null;
			case CANCEL -> (this == OPEN || this == CLOSED) ? CANCELLED : null;
		};
	}

	/** The (stored) statuses from which {@code action} leads to {@code to}. */
	static Set<ProjectStatus> before(Action action, ProjectStatus to) {
		Set<ProjectStatus> from = EnumSet.noneOf(ProjectStatus.class);
		for (ProjectStatus status : values()) {
			if (status != FINISHED && status.after(action) == to) {
				from.add(status);
			}
		}
		return from;
	}

}
