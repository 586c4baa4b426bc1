package cn.partybuilding.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A member's sign-up (认领) for a project, with the hours recorded on site and the
 * secretary's approval.
 *
 * @param id the sign-up
 * @param memberId the volunteer
 * @param status where it stands
 * @param signedUpAt when (last) signed up
 * @param checkedInAt when the volunteer checked in
 * @param checkedOutAt when the volunteer checked out, or the secretary put the forgotten
 * checkout
 * @param recordedHours the hours between the two inside the project's time, to the half
 * hour below
 * @param audit who made up a checkout or approved, when and why
 */
record Signup(UUID id, UUID projectId, UUID memberId, SignupStatus status, Instant signedUpAt,
		@Nullable Instant checkedInAt, @Nullable Instant checkedOutAt, @Nullable BigDecimal recordedHours,
		Audit audit) {

	/**
	 * The secretary's part.
	 *
	 * @param madeUpBy who put a forgotten checkout
	 * @param madeUpAt when
	 * @param makeupReason why
	 * @param approvedHours the hours approved (at most those recorded)
	 * @param approvedBy who approved
	 * @param approvedAt when
	 * @param approvalReason why fewer hours than recorded
	 */
	record Audit(@Nullable UUID madeUpBy, @Nullable Instant madeUpAt, @Nullable String makeupReason,
			@Nullable BigDecimal approvedHours, @Nullable UUID approvedBy, @Nullable Instant approvedAt,
			@Nullable String approvalReason) {
	}

}
