package cn.partybuilding.minutes;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The record of a meeting and its sign-offs.
 *
 * @param activityId the meeting
 * @param recorderId the member who keeps the record
 * @param content the record
 * @param updatedBy who wrote the last version
 * @param updatedAt when
 * @param signedBy the branch secretary who signed it off
 * @param signedAt when
 * @param reviewedBy the org admin above who reviewed it
 * @param reviewedAt when
 */
record Minutes(UUID activityId, UUID recorderId, String content, UUID updatedBy, Instant updatedAt,
		@Nullable UUID signedBy, @Nullable Instant signedAt, @Nullable UUID reviewedBy, @Nullable Instant reviewedAt) {

	String status() {
		return (this.reviewedAt != null) ? "REVIEWED" : (this.signedAt != null) ? "SIGNED" : "DRAFT";
	}

}
