package cn.partybuilding.notification.sms;

/**
 * The SMS gateway did not take a message: it refused it, failed or did not answer in
 * time.
 */
public class SmsNotSent extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String reason;

	private final boolean retryable;

	SmsNotSent(String reason, boolean retryable, Throwable cause) {
		super(reason, cause);
		this.reason = reason;
		this.retryable = retryable;
	}

	SmsNotSent(String reason, boolean retryable) {
		super(reason);
		this.reason = reason;
		this.retryable = retryable;
	}

	/** Why, as the message says; never null, unlike {@link #getMessage()} in general. */
	public String reason() {
		return this.reason;
	}

	/**
	 * Whether trying again later may succeed (429, 5xx, timeouts), as opposed to a
	 * refusal of the message.
	 */
	public boolean retryable() {
		return this.retryable;
	}

}
