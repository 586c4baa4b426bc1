package cn.partybuilding.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.notification.Channel;

/**
 * The outbox of deliveries: rows written in the publisher's transaction, drained by the
 * workers. Each row's id is the {@code messageId} the gateway sees, derived from the
 * notification, channel and target, so it never changes between retries.
 */
@Service
public class Deliveries {

	private final DeliveryRepository deliveries;

	Deliveries(DeliveryRepository deliveries) {
		this.deliveries = deliveries;
	}

	/**
	 * Plans deliveries of a new notification, due at once; joins the caller's
	 * transaction.
	 */
	public Mono<Void> schedule(UUID notificationId, UUID memberId, List<NewDelivery> deliveries, Instant now,
			@Nullable Instant deadline) {
		return Flux.fromIterable(deliveries)
			.concatMap((delivery) -> this.deliveries.insert(
					messageId(notificationId, delivery.channel(), delivery.target()), notificationId, memberId,
					delivery, now, deadline))
			.then();
	}

	/** The deliveries of a notification, for inspection. */
	public Flux<DeliveryView> of(UUID notificationId) {
		return this.deliveries.ofNotification(notificationId);
	}

	/** The stable message id of a notification on a channel target. */
	static UUID messageId(UUID notificationId, Channel channel, @Nullable String target) {
		String name = notificationId + "/" + channel + "/" + ((target != null) ? target : "-");
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A delivery as it stands.
	 *
	 * @param messageId the id the gateway sees
	 * @param target the push token, for push
	 * @param status where it stands
	 * @param attempts attempts made so far
	 * @param lastError why the last attempt did not succeed
	 * @param finishedAt when it was sent, failed or given up
	 */
	public record DeliveryView(String messageId, Channel channel, @Nullable String target, DeliveryStatus status,
			int attempts, @Nullable String lastError, @Nullable Instant finishedAt) {
	}

}
