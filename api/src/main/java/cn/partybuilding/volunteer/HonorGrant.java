package cn.partybuilding.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Honor hours (荣誉时长): volunteer hours granted by hand with a reason, kept apart from
 * recorded hours and earning no points (the rule book scores only approved recorded
 * hours).
 *
 * @param id the grant
 * @param projectId the project it is for, if any
 * @param hours how many, in half hours
 * @param reason why
 * @param grantedBy the secretary or org admin
 * @param grantedAt when
 */
record HonorGrant(UUID id, UUID memberId, @Nullable UUID projectId, BigDecimal hours, String reason, UUID grantedBy,
		Instant grantedAt) {
}
