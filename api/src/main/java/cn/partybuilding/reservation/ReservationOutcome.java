package cn.partybuilding.reservation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What became of a reservation: the base approved or rejected it, or it was cancelled.
 * The booking secretary is to get a {@code RESERVATION_RESULT} notification about it.
 *
 * @param id the outcome (stable: a message id for delivering it)
 * @param orgId the booking branch
 * @param outcome {@code APPROVED}, {@code REJECTED} or {@code CANCELLED}
 * @param reason why it was rejected
 * @param secretaryId the secretary who booked it, to notify; none when the base's staff
 * entered the booking (hotline, walk-in): then the branch's secretaries are meant
 * @param actorId who approved, rejected or cancelled (a secretary who cancelled need not
 * be told)
 * @param occurredAt when
 */
public record ReservationOutcome(UUID id, UUID reservationId, UUID baseId, UUID orgId, ReservationStatus outcome,
		@Nullable String reason, @Nullable UUID secretaryId, UUID actorId, Instant occurredAt) {

}
