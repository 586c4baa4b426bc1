package cn.partybuilding.minutes;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Minutes with their sign-offs.
 *
 * @param activityId the meeting
 * @param content the record
 * @param status DRAFT, SIGNED (by the branch secretary) or REVIEWED (by the unit above)
 * @param updatedBy who wrote the last version
 * @param updatedAt when
 * @param signedBy the secretary who signed
 * @param signedAt when
 * @param reviewedBy the org admin who reviewed
 * @param reviewedAt when
 */
record MinutesView(String activityId, String recorderId, String content, String status, String updatedBy,
		@Nullable OffsetDateTime updatedAt, @Nullable String signedBy, @Nullable OffsetDateTime signedAt,
		@Nullable String reviewedBy, @Nullable OffsetDateTime reviewedAt) {
}
