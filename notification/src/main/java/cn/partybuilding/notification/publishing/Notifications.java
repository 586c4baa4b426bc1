package cn.partybuilding.notification.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.TimeOrderedIds;
import cn.partybuilding.notification.consent.WechatConsents;
import cn.partybuilding.notification.delivery.Deliveries;
import cn.partybuilding.notification.device.Devices;
import cn.partybuilding.notification.preference.NotificationPreferences;
import cn.partybuilding.notification.preference.Preferences;

/**
 * Publishes notifications: the one way features tell members something. Call
 * {@link #publish} inside the R2DBC transaction of the change it tells of (an approval, a
 * result): it stores the inbox notification and its pending deliveries with plain
 * statements that join that transaction, so the change and its notification commit
 * together or not at all (a transactional outbox): nothing is lost if the server stops
 * right after the change, and nothing is sent for a change that rolled back. Delivery
 * happens afterwards, by the workers. Called outside a transaction it opens its own.
 *
 * <p>
 * Publishing is idempotent per {@code (kind, memberId, sourceId)}: publishing the same
 * request again stores nothing new and sends nothing again.
 *
 * <pre>{@code
 * reservations.approve(id)
 *     .flatMap(reservation -> notifications.publish(NotificationRequest.of(NotificationKind.RESERVATION_RESULT,
 *             reservation.secretaryId(), "reservation:" + id + ":approved",
 *             Map.of("base", reservation.baseName(), "start", reservation.startText(), "result", "APPROVED"))))
 *     .as(transactions::transactional);
 * }</pre>
 */
@Service
public class Notifications {

	private final NotificationRepository notifications;

	private final Preferences preferences;

	private final Devices devices;

	private final WechatConsents consents;

	private final Deliveries deliveries;

	private final TransactionalOperator transactions;

	private final Clock clock;

	Notifications(NotificationRepository notifications, Preferences preferences, Devices devices,
			WechatConsents consents, Deliveries deliveries, TransactionalOperator transactions, Clock clock) {
		this.notifications = notifications;
		this.preferences = preferences;
		this.devices = devices;
		this.consents = consents;
		this.deliveries = deliveries;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Stores the notification and its deliveries in the current transaction; nothing when
	 * it was published before.
	 */
	public Mono<Void> publish(NotificationRequest request) {
		return publishNew(request).then();
	}

	/**
	 * As {@link #publish}; the id of the new notification, empty when it had been
	 * published before.
	 */
	public Mono<UUID> publishNew(NotificationRequest request) {
		UUID id = TimeOrderedIds.next();
		Instant now = this.clock.instant();
		return this.notifications.insert(id, request, now)
			.flatMap((created) -> planDeliveries(created, request, now).thenReturn(created))
			.as(this.transactions::transactional);
	}

	private Mono<Void> planDeliveries(UUID id, NotificationRequest request, Instant now) {
		// One statement after the other: they share the transaction's connection.
		return this.preferences.of(request.memberId())
			.flatMap((chosen) -> this.devices.ofMember(request.memberId())
				.collectList()
				.flatMap((registered) -> takeConsent(request, chosen)
					.map((taken) -> DeliveryPlan.of(request.kind(), chosen, registered, taken))))
			.flatMap((plan) -> this.deliveries.schedule(id, request.memberId(), plan, now, request.deadline()));
	}

	private Mono<Boolean> takeConsent(NotificationRequest request, NotificationPreferences preferences) {
		if (!preferences.allows(request.kind(), Channel.WECHAT)) {
			return Mono.just(false);
		}
		return this.consents.take(request.memberId(), request.kind());
	}

}
