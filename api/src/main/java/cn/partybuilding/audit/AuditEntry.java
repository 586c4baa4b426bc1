package cn.partybuilding.audit;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One fact for the audit log. Details hold no personal data (no phone numbers, no names):
 * ids, codes and counts.
 *
 * @param actorId who did it; {@code null} for the system itself
 * @param action what was done, e.g. {@code POINTS_RULE_ADDED}
 * @param targetType the kind of thing it was done to, e.g. {@code POINTS_RULE}
 * @param targetId the thing
 * @param orgId the org unit whose subtree it concerns; {@code null} for the whole
 * installation
 * @param details more about it, as short texts
 */
public record AuditEntry(@Nullable UUID actorId, String action, String targetType, @Nullable String targetId,
		@Nullable UUID orgId, Map<String, String> details) {

	public AuditEntry {
		details = Map.copyOf(details);
	}

}
