package cn.partybuilding.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A sign-up as the API shows it.
 *
 * @param id the sign-up
 * @param memberId the volunteer
 * @param memberName the volunteer's name, in the secretary's list
 * @param status SIGNED_UP, CHECKED_IN, CHECKED_OUT, APPROVED or CANCELLED
 * @param signedUpAt when signed up
 * @param checkedInAt when checked in
 * @param checkedOutAt when checked out (or put by the secretary)
 * @param recordedHours hours inside the project's time, rounded down to the half hour
 * @param madeUpBy the secretary who put a forgotten checkout
 * @param madeUpAt when
 * @param makeupReason why
 * @param approvedBy who approved
 * @param approvedAt when
 * @param approvalReason why fewer hours than recorded
 */
record SignupView(String id, String projectId, String memberId, @Nullable String memberName, SignupStatus status,
		OffsetDateTime signedUpAt, @Nullable OffsetDateTime checkedInAt, @Nullable OffsetDateTime checkedOutAt,
		@Nullable BigDecimal recordedHours, @Nullable BigDecimal approvedHours, @Nullable String madeUpBy,
		@Nullable OffsetDateTime madeUpAt, @Nullable String makeupReason, @Nullable String approvedBy,
		@Nullable OffsetDateTime approvedAt, @Nullable String approvalReason) {

	static SignupView of(Signup signup, @Nullable String memberName, ZoneId zone) {
		Signup.Audit audit = signup.audit();
		return new SignupView(signup.id().toString(), signup.projectId().toString(), signup.memberId().toString(),
				memberName, signup.status(), Objects.requireNonNull(local(signup.signedUpAt(), zone)),
				local(signup.checkedInAt(), zone), local(signup.checkedOutAt(), zone), signup.recordedHours(),
				audit.approvedHours(), text(audit.madeUpBy()), local(audit.madeUpAt(), zone), audit.makeupReason(),
				text(audit.approvedBy()), local(audit.approvedAt(), zone), audit.approvalReason());
	}

	static @Nullable OffsetDateTime local(@Nullable Instant instant, ZoneId zone) {
		return (instant != null) ? instant.atZone(zone).toOffsetDateTime() : null;
	}

	private static @Nullable String text(@Nullable UUID id) {
		return (id != null) ? id.toString() : null;
	}

}
