package cn.partybuilding.reservation;

/**
 * How a reservation came in: the branch's secretary booked it in the app, the WeChat mini
 * program or on the web, or the base's staff entered it for a branch that phoned or
 * walked in.
 */
public enum Channel {

	APP, WECHAT, WEB, HOTLINE, WALK_IN;

	/** Whether the base's staff entered it on behalf of the branch. */
	public boolean enteredByBase() {
		return this == HOTLINE || this == WALK_IN;
	}

}
