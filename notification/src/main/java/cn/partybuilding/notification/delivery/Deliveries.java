package cn.partybuilding.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Parameters;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import cn.partybuilding.notification.Channel;

/**
 * The outbox of deliveries: rows written in the publisher's transaction, drained by the workers. Each row's id is
 * the {@code messageId} the gateway sees, derived from the notification, channel and target, so it never changes
 * between retries.
 */
@Service
public class Deliveries {

	private final DatabaseClient db;

	Deliveries(DatabaseClient db) {
		this.db = db;
	}

	/** Plans deliveries of a new notification, due at once; joins the caller's transaction. */
	public Mono<Void> schedule(UUID notificationId, UUID memberId, List<NewDelivery> deliveries, Instant now,
			@Nullable Instant deadline) {
		return Flux.fromIterable(deliveries)
			.concatMap((delivery) -> this.db.sql("""
					INSERT INTO deliveries (id, notification_id, member_id, channel, target, platform, fallback, status,
					                        next_attempt_at, deadline, created_at)
					VALUES (:id, :notification, :member, :channel, :target, :platform, :fallback, 'PENDING', :now,
					        :deadline, :now)
					ON CONFLICT (id) DO NOTHING""")
				.bind("id", messageId(notificationId, delivery.channel(), delivery.target()))
				.bind("notification", notificationId)
				.bind("member", memberId)
				.bind("channel", delivery.channel().name())
				.bind("target", nullable(delivery.target()))
				.bind("platform", nullable(delivery.platform()))
				.bind("fallback", nullable((delivery.fallback() != null) ? delivery.fallback().name() : null))
				.bind("now", now)
				.bind("deadline", (deadline != null) ? deadline : Parameters.in(Instant.class))
				.then())
			.then();
	}

	/** The deliveries of a notification, for inspection. */
	public Flux<DeliveryView> of(UUID notificationId) {
		return this.db.sql("""
				SELECT id, channel, target, status, attempts, last_error, finished_at FROM deliveries
				WHERE notification_id = :notification ORDER BY channel, target""")
			.bind("notification", notificationId)
			.map((row) -> new DeliveryView(row.get("id", UUID.class).toString(),
					Channel.valueOf(row.get("channel", String.class)), row.get("target", String.class),
					DeliveryStatus.valueOf(row.get("status", String.class)), row.get("attempts", Integer.class),
					row.get("last_error", String.class), row.get("finished_at", Instant.class)))
			.all();
	}

	/** The stable message id of a notification on a channel target. */
	static UUID messageId(UUID notificationId, Channel channel, @Nullable String target) {
		String name = notificationId + "/" + channel + "/" + ((target != null) ? target : "-");
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

	private static Object nullable(@Nullable String value) {
		return (value != null) ? value : Parameters.in(String.class);
	}

	/**
	 * A delivery as it stands.
	 *
	 * @param messageId the id the gateway sees
	 * @param channel the channel
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
