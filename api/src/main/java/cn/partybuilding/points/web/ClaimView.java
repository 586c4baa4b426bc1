package cn.partybuilding.points.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.points.claims.ClaimStatus;

/** A bonus claim as its member and the deciding secretary see it. */
record ClaimView(String id, String memberId, String memberName, String branchId, String ruleCode, LocalDate occurredOn,
		String description, List<String> evidenceUrls, ClaimStatus status, @Nullable String decidedBy,
		@Nullable OffsetDateTime decidedAt, @Nullable String rejectReason, OffsetDateTime createdAt) {
}
