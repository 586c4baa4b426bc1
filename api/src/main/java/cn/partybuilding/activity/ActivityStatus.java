package cn.partybuilding.activity;

/** Where an activity stands; changes only along the transitions below. */
public enum ActivityStatus {

	PENDING_APPROVAL, APPROVED, REJECTED, CANCELLED, COMPLETED;

	/** What may happen to an activity. */
	public enum Action {

		APPROVE, REJECT, CANCEL, COMPLETE

	}

	/**
	 * The status after {@code action}, or {@code null} when the action is not allowed
	 * from this status.
	 */
	public @org.jspecify.annotations.Nullable ActivityStatus after(Action action) {
		return switch (action) {
			case APPROVE -> (this == PENDING_APPROVAL) ? APPROVED : null;
			case REJECT -> (this == PENDING_APPROVAL) ? REJECTED : null;
			case CANCEL -> (this == PENDING_APPROVAL || this == APPROVED) ? CANCELLED : null;
			case COMPLETE -> (this == APPROVED) ? COMPLETED : null;
		};
	}

}
