package cn.partybuilding.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.notification.Channel;

/**
 * What became of a claimed delivery, as it is stored.
 *
 * @param id the delivery
 * @param status its new status
 * @param channel its channel (changed when it falls back)
 * @param fallback its fallback still left
 * @param attempts attempts counted so far
 * @param nextAttemptAt when it is due again (pending and held ones)
 * @param error why it did not go out
 * @param finishedAt when it ended (sent, failed, given up, skipped)
 * @param goneTarget a push token to drop
 */
record Result(UUID id, DeliveryStatus status, Channel channel, @Nullable Channel fallback, int attempts,
		Instant nextAttemptAt, @Nullable String error, @Nullable Instant finishedAt, @Nullable String goneTarget) {

	static Result finished(Claimed delivery, DeliveryStatus status, @Nullable String error, Instant now) {
		return new Result(delivery.id(), status, delivery.channel(), delivery.fallback(), delivery.attempts(), now,
				error, now, null);
	}

	static Result retry(Claimed delivery, String error, Instant next) {
		return new Result(delivery.id(), DeliveryStatus.PENDING, delivery.channel(), delivery.fallback(),
				delivery.attempts(), next, error, null, null);
	}

	/** Held for quiet hours: the attempt is not counted. */
	static Result held(Claimed delivery, Instant until) {
		return new Result(delivery.id(), DeliveryStatus.HELD, delivery.channel(), delivery.fallback(),
				delivery.attempts() - 1, until, "quiet hours", null, null);
	}

	static Result fallBack(Claimed delivery, Channel fallback, String error, Instant now) {
		return new Result(delivery.id(), DeliveryStatus.PENDING, fallback, null, 0, now, error, null, null);
	}

	static Result targetGone(Claimed delivery, String error, Instant now) {
		return new Result(delivery.id(), DeliveryStatus.FAILED, delivery.channel(), delivery.fallback(),
				delivery.attempts(), now, error, now, delivery.target());
	}

}
