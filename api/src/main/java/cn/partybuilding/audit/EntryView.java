package cn.partybuilding.audit;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An entry of the audit log.
 *
 * @param id the entry
 * @param at when
 * @param actorId who; absent for the system itself
 * @param actorName the actor's name, when the actor is a member
 * @param action what was done
 * @param targetType the kind of thing it was done to
 * @param targetId the thing
 * @param orgId the org unit it concerns; absent for the whole installation
 * @param details more about it (never personal data)
 */
record EntryView(String id, OffsetDateTime at, @Nullable String actorId, @Nullable String actorName, String action,
		String targetType, @Nullable String targetId, @Nullable String orgId, Map<String, String> details) {
}
