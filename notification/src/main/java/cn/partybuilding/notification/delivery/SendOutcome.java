package cn.partybuilding.notification.delivery;

/** What a channel made of one message. */
public sealed interface SendOutcome {

	/** The gateway took the message. */
	record Sent() implements SendOutcome {
	}

	/** 429, 5xx, a timeout or no answer: the same message may be tried again later. */
	record Retry(String reason) implements SendOutcome {
	}

	/** The gateway refused the message itself; trying again would not help. */
	record Refused(String reason) implements SendOutcome {
	}

	/** The target (a push token) is no longer valid: the device is dropped. */
	record TargetGone(String reason) implements SendOutcome {
	}

	static SendOutcome sent() {
		return new Sent();
	}

}
