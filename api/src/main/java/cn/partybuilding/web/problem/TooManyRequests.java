package cn.partybuilding.web.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A rate limit refused the request; the client may try again after {@link #retryAfter()}
 * (the {@code Retry-After} header and {@code retryAfterSeconds}).
 */
public final class TooManyRequests extends DomainException {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	public TooManyRequests(Duration retryAfter) {
		this(ErrorCode.TOO_MANY_REQUESTS, retryAfter, seconds(retryAfter));
	}

	/** A limit with a code of its own; {@code args} fill its detail. */
	public TooManyRequests(ErrorCode code, Duration retryAfter, Object... args) {
		super(code, List.of(), Map.of("retryAfterSeconds", seconds(retryAfter)), args);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	static long seconds(Duration duration) {
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

}
