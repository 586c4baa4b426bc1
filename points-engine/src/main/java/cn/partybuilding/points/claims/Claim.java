package cn.partybuilding.points.claims;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A member's claim of a bonus item.
 *
 * @param id the claim
 * @param memberId who claims
 * @param branchId the member's branch when claiming (whose secretary decides)
 * @param orgPath that branch's path in the org tree
 * @param ruleCode the bonus rule claimed
 * @param occurredOn the business date the claimed thing happened
 * @param description what happened
 * @param evidenceUrls links to the evidence (photos, certificates)
 * @param status where it stands
 * @param decidedBy who approved or rejected it
 * @param decidedAt when
 * @param rejectReason why it was rejected
 * @param createdAt when it was claimed
 */
public record Claim(UUID id, UUID memberId, UUID branchId, List<UUID> orgPath, String ruleCode, LocalDate occurredOn,
		String description, List<String> evidenceUrls, ClaimStatus status, @Nullable UUID decidedBy,
		@Nullable Instant decidedAt, @Nullable String rejectReason, Instant createdAt) {

	public Claim {
		orgPath = List.copyOf(orgPath);
		evidenceUrls = List.copyOf(evidenceUrls);
	}

	/** The id of the points event an approval records: {@code claim:<id>}. */
	public String eventId() {
		return "claim:" + this.id;
	}

}
