package cn.partybuilding.notification.delivery;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.notification.preference.NotificationPreferences;
import cn.partybuilding.notification.preference.QuietHours;

/**
 * The rules of delivery, pure: whether a claimed delivery may go out now (deadline,
 * preferences, quiet hours) and what a channel's answer makes of it (sent, retried with
 * backoff, given up at its deadline, fallen back, failed).
 */
final class Dispatch {

	static final String PAST_DEADLINE = "not delivered by the end of its day";

	private final Backoff backoff;

	private final int maxAttempts;

	private final ZoneId zone;

	private final RandomGenerator random;

	Dispatch(Backoff backoff, int maxAttempts, ZoneId zone, RandomGenerator random) {
		this.backoff = backoff;
		this.maxAttempts = maxAttempts;
		this.zone = zone;
		this.random = random;
	}

	/** What to do instead of sending, or {@code null} to send now. */
	@Nullable Result before(Claimed delivery, NotificationPreferences preferences, Instant now) {
		if (delivery.deadline() != null && !now.isBefore(delivery.deadline())) {
			return Result.finished(delivery, DeliveryStatus.GIVEN_UP, PAST_DEADLINE, now);
		}
		if (!preferences.allows(delivery.kind(), delivery.channel())) {
			return Result.finished(delivery, DeliveryStatus.SKIPPED, "turned off by the member", now);
		}
		QuietHours quiet = preferences.quietHours();
		ZonedDateTime local = now.atZone(this.zone);
		if (quiet != null && quiet.contains(local.toLocalTime())) {
			Instant until = quiet.endAfter(local).toInstant();
			if (delivery.deadline() != null && !until.isBefore(delivery.deadline())) {
				return Result.finished(delivery, DeliveryStatus.GIVEN_UP, "quiet hours last past the end of its day",
						now);
			}
			return Result.held(delivery, until);
		}
		return null;
	}

	/** What the channel's answer makes of the delivery. */
	Result after(Claimed delivery, SendOutcome outcome, Instant now) {
		return switch (outcome) {
			case SendOutcome.Sent sent -> Result.finished(delivery, DeliveryStatus.SENT, null, now);
			case SendOutcome.Retry retry -> retry(delivery, retry.reason(), now);
			case SendOutcome.Refused refused ->
				(delivery.fallback() != null) ? Result.fallBack(delivery, delivery.fallback(), refused.reason(), now)
						: Result.finished(delivery, DeliveryStatus.FAILED, refused.reason(), now);
			case SendOutcome.TargetGone gone -> Result.targetGone(delivery, gone.reason(), now);
		};
	}

	private Result retry(Claimed delivery, String reason, Instant now) {
		// A delivery with a deadline is bounded by it; the others by the number of
		// attempts.
		if (delivery.deadline() == null && delivery.attempts() >= this.maxAttempts) {
			return Result.finished(delivery, DeliveryStatus.FAILED,
					"gave up after " + delivery.attempts() + " attempts: " + reason, now);
		}
		Instant next = now.plus(this.backoff.delay(delivery.attempts(), this.random));
		if (delivery.deadline() != null && !next.isBefore(delivery.deadline())) {
			return Result.finished(delivery, DeliveryStatus.GIVEN_UP, PAST_DEADLINE + ": " + reason, now);
		}
		return Result.retry(delivery, reason, next);
	}

}
