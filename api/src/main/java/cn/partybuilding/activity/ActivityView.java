package cn.partybuilding.activity;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An activity as the API shows it.
 *
 * @param id the activity
 * @param orgId the unit holding it
 * @param type the kind of meeting
 * @param checkInOpensAt when check-in opens
 * @param checkInClosesAt when check-in closes
 * @param venue where
 * @param checkInMethods how members check in
 * @param status where it stands
 * @param createdBy who planned or proposed it
 */
record ActivityView(String id, String orgId, ActivityType type, String title, OffsetDateTime startsAt,
		OffsetDateTime endsAt, OffsetDateTime checkInOpensAt, OffsetDateTime checkInClosesAt, @Nullable Venue venue,
		List<CheckInMethod> checkInMethods, ActivityStatus status, String createdBy) {
}
