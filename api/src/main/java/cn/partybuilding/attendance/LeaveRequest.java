package cn.partybuilding.attendance;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A member asking to be excused from an activity; an approved leave means ON_LEAVE, not
 * absent.
 *
 * @param id the request
 * @param reason why
 * @param status PENDING, APPROVED or REJECTED
 * @param createdAt when asked
 * @param decidedBy the secretary who decided
 * @param decidedAt when
 * @param decisionReason why, for a rejection
 */
record LeaveRequest(UUID id, UUID activityId, UUID memberId, String reason, LeaveStatus status, Instant createdAt,
		@Nullable UUID decidedBy, @Nullable Instant decidedAt, @Nullable String decisionReason) {

	enum LeaveStatus {

		PENDING, APPROVED, REJECTED

	}

}
