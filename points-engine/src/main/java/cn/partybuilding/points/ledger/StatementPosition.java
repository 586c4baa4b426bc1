package cn.partybuilding.points.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a page of a statement (newest first) continues: after the entry with this time
 * and id.
 */
public record StatementPosition(Instant occurredAt, UUID id) {
}
