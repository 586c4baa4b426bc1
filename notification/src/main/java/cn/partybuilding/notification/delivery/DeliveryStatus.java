package cn.partybuilding.notification.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {

	/** Waiting for its next attempt. */
	PENDING,

	/** Held back until the member's quiet hours end. */
	HELD,

	/** The gateway took it. */
	SENT,

	/** Refused, the target gone, or out of attempts. */
	FAILED,

	/**
	 * Not done before its deadline (a political birthday's day ended): never sent later.
	 */
	GIVEN_UP,

	/** The member turned the kind or channel off before it went out. */
	SKIPPED

}
