package cn.partybuilding.reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A member attended a completed reservation: organizational life the branch held at a
 * base, and, if the member checked in at the base, a {@code BASE_VISIT_COMPLETED} points
 * event for the member, whose natural key is (reservation, member).
 *
 * @param reservationId the reservation (the points event's source)
 * @param memberId the attendee
 * @param branchId the booking branch
 * @param date the local date of the visit
 * @param start when the visit began
 * @param end when its slots ended
 * @param checkedIn whether the member had checked in at the base for the reservation when
 * it was completed
 */
public record BaseVisit(UUID reservationId, UUID memberId, UUID baseId, UUID branchId, LocalDate date, Instant start,
		Instant end, boolean checkedIn) {

}
