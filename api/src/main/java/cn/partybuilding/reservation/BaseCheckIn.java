package cn.partybuilding.reservation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A member's proof of presence at a base for a reservation of their branch; one per
 * member and reservation.
 *
 * @param id the check-in
 * @param checkedInAt when
 * @param method QR, GEO or QR_GEO
 * @param distanceMeters how far from the base, when checked by position
 */
record BaseCheckIn(UUID id, UUID reservationId, UUID memberId, Instant checkedInAt, String method,
		@Nullable Integer distanceMeters) {
}
