package cn.partybuilding.points.ledger;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.points.core.LedgerEntry;

/**
 * A ledger entry as stored: its id, the recalculation that appended it (compensations
 * only) and when.
 *
 * @param id the entry's id (UUIDv7)
 * @param entry what the entry says
 * @param recalculationId the recalculation of a compensation; {@code null} for awards
 * @param recordedAt when it was appended
 */
public record RecordedEntry(UUID id, LedgerEntry entry, @Nullable UUID recalculationId, Instant recordedAt) {
}
