package cn.partybuilding.reservation;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.base.Bases;
import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.publishing.NotificationRequest;
import cn.partybuilding.notification.publishing.Notifications;
import cn.partybuilding.security.Role;

/**
 * Tells the booking secretary (for hotline and walk-in bookings, the branch's
 * secretaries) the outcome of a reservation — approved, rejected or cancelled — as a
 * {@code RESERVATION_RESULT}, in the transaction of the decision. A secretary who
 * cancelled their own booking is not told what they just did.
 */
@Component
class ReservationNotices implements ReservationEvents {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notifications notifications;

	private final Bookings bookings;

	private final Bases bases;

	private final Accounts accounts;

	private final Clock clock;

	ReservationNotices(Notifications notifications, Bookings bookings, Bases bases, Accounts accounts, Clock clock) {
		this.notifications = notifications;
		this.bookings = bookings;
		this.bases = bases;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public Mono<Void> decided(ReservationOutcome outcome) {
		Flux<UUID> recipients = (outcome.secretaryId() != null) ? Flux.just(outcome.secretaryId())
				: this.accounts.holdersOf(Role.SECRETARY, outcome.orgId());
		return Mono.zip(this.bookings.find(outcome.reservationId()), this.bases.find(outcome.baseId()))
			.flatMapMany((found) -> {
				Map<String, String> params = new HashMap<>();
				params.put("base", found.getT2().name());
				params.put("start", WHEN.format(found.getT1().start().atZone(this.clock.getZone())));
				params.put("result", outcome.outcome().name());
				if (outcome.reason() != null) {
					params.put("reason", outcome.reason());
				}
				return recipients.filter((secretary) -> !secretary.equals(outcome.actorId()))
					.concatMap((secretary) -> this.notifications
						.publish(NotificationRequest.of(NotificationKind.RESERVATION_RESULT, secretary,
								"reservation-outcome:" + outcome.id(), params)));
			})
			.then();
	}

}
