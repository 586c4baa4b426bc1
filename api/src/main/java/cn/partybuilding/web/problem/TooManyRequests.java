package cn.partybuilding.web.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A rate limit refused the request; the client may try again after {@link #retryAfter()}. */
public final class TooManyRequests extends DomainException {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	public TooManyRequests(Duration retryAfter) {
		super(ErrorCode.TOO_MANY_REQUESTS, List.of(), Map.of("retryAfterSeconds", seconds(retryAfter)),
				seconds(retryAfter));
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	static long seconds(Duration duration) {
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

}
