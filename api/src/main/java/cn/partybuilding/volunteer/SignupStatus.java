package cn.partybuilding.volunteer;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Where a sign-up stands. It moves only forward — signed up, checked in, checked out (by
 * the volunteer or made up by the secretary), approved — or is cancelled before the
 * volunteer checked in; every state but CANCELLED holds one of the project's places.
 */
enum SignupStatus {

	SIGNED_UP, CHECKED_IN, CHECKED_OUT, APPROVED, CANCELLED;

	/** What may happen to a sign-up. */
	enum Action {

		CHECK_IN, CHECK_OUT, MAKE_UP, APPROVE, CANCEL, SIGN_UP_AGAIN

	}

	/** The states that hold a place of the project. */
	static final Set<SignupStatus> ACTIVE = EnumSet.of(SIGNED_UP, CHECKED_IN, CHECKED_OUT, APPROVED);

	/**
	 * The status after {@code action}, or {@code null} when the action is not allowed
	 * from this status.
	 */
	@Nullable SignupStatus after(Action action) {
		return switch (action) {
			case CHECK_IN -> (this == SIGNED_UP) ? CHECKED_IN : null;
			case CHECK_OUT, MAKE_UP -> (this == CHECKED_IN) ? CHECKED_OUT : null;
			case APPROVE -> (this == CHECKED_OUT) ? APPROVED : null;
			case CANCEL -> (this == SIGNED_UP) ? CANCELLED : null;
			case SIGN_UP_AGAIN -> (this == CANCELLED) ? SIGNED_UP : null;
		};
	}

	/** The single status {@code action} is allowed from. */
	static SignupStatus from(Action action) {
		for (SignupStatus status : values()) {
			if (status.after(action) != null) {
				return status;
			}
		}
		throw new IllegalStateException("No status allows " + action);
	}

	boolean holdsPlace() {
		return ACTIVE.contains(this);
	}

}
