package cn.partybuilding.attendance;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A member's proof of presence at an activity; one per member and activity.
 *
 * @param id the check-in
 * @param checkedInAt when
 * @param method QR, GEO, QR_GEO or MANUAL
 * @param distanceMeters how far from the venue, when checked by position
 */
record CheckIn(UUID id, UUID activityId, UUID memberId, Instant checkedInAt, String method,
		@Nullable Integer distanceMeters) {
}
