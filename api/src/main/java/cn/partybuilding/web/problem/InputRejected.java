package cn.partybuilding.web.problem;

import java.io.Serial;

/**
 * A value a client sent that no field of any request may hold (a date outside the
 * calendar the application keeps, a NUL character), found while the request is read: by a
 * parameter converter or a JSON deserializer, before anything names the field. The
 * problem handler names it from where it was read and answers
 * {@code 400 VALIDATION_FAILED} with the message {@code violation.<messageKey>}.
 */
public class InputRejected extends IllegalArgumentException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String messageKey;

	private final transient Object[] args;

	public InputRejected(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = args;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] args() {
		return this.args;
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		// An answer to a client, not a bug: no stack trace to fill in.
		return this;
	}

}
