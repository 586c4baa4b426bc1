package cn.partybuilding.points.recalculation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A recalculation and its progress.
 *
 * @param id the job
 * @param year the points year replayed
 * @param orgId the org whose subtree's members are replayed; {@code null} for every
 * member with events that year
 * @param status where it stands
 * @param processed members replayed so far
 * @param total members to replay, as counted when the job started
 * @param compensations compensating entries appended so far
 * @param startedAt when it was asked for
 * @param finishedAt when it ended
 */
public record RecalculationJob(UUID id, int year, @Nullable UUID orgId, RecalculationStatus status, int processed,
		int total, int compensations, Instant startedAt, @Nullable Instant finishedAt) {
}
