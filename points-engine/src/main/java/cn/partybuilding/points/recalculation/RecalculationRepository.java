package cn.partybuilding.points.recalculation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.points.SqlParameters;

/**
 * The {@code points_recalculations} table. A runner claims a job by writing a fresh owner
 * token; its progress and its end are written only while the token is still its own, so a
 * runner that was presumed dead and replaced can no longer write.
 */
@Repository
class RecalculationRepository {

	private static final String COLUMNS = """
			id, year, org_id, status, processed, total, compensations, started_at, finished_at""";

	private final DatabaseClient db;

	RecalculationRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<RecalculationJob> insert(UUID id, int year, @Nullable UUID orgId, int total, UUID requestedBy, Instant now) {
		return this.db.sql("""
				INSERT INTO points_recalculations (id, year, org_id, status, total, requested_by, started_at)
				VALUES (:id, :year, :org, 'RUNNING', :total, :by, :now)""")
			.bind("id", id)
			.bind("year", year)
			.bind("org", SqlParameters.nullable(orgId, UUID.class))
			.bind("total", total)
			.bind("by", requestedBy)
			.bind("now", now)
			.then()
			.thenReturn(new RecalculationJob(id, year, orgId, RecalculationStatus.RUNNING, 0, total, 0, now, null));
	}

	Mono<RecalculationJob> find(UUID id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM points_recalculations WHERE id = :id")
			.bind("id", id)
			.map((row) -> new RecalculationJob(row.get("id", UUID.class), row.get("year", Integer.class),
					row.get("org_id", UUID.class), RecalculationStatus.valueOf(row.get("status", String.class)),
					row.get("processed", Integer.class), row.get("total", Integer.class),
					row.get("compensations", Integer.class), row.get("started_at", Instant.class),
					row.get("finished_at", Instant.class)))
			.one();
	}

	/**
	 * Takes the oldest running job nobody runs (never claimed, or its runner silent since
	 * {@code staleBefore}).
	 */
	Mono<ClaimedJob> claim(UUID owner, Instant now, Instant staleBefore) {
		return this.db.sql("""
				UPDATE points_recalculations SET owner = :owner, heartbeat_at = :now
				WHERE id = (SELECT id FROM points_recalculations
				            WHERE status = 'RUNNING' AND (heartbeat_at IS NULL OR heartbeat_at < :stale)
				            ORDER BY started_at LIMIT 1 FOR UPDATE SKIP LOCKED)
				RETURNING id, year, org_id, cursor_member""")
			.bind("owner", owner)
			.bind("now", now)
			.bind("stale", staleBefore)
			.map((row) -> new ClaimedJob(row.get("id", UUID.class), owner, row.get("year", Integer.class),
					row.get("org_id", UUID.class), row.get("cursor_member", UUID.class)))
			.one();
	}

	/** Records one member done; false when the job is no longer this runner's. */
	Mono<Boolean> progress(ClaimedJob job, UUID member, int compensations, Instant now) {
		return this.db.sql("""
				UPDATE points_recalculations SET processed = processed + 1, compensations = compensations + :n,
				       cursor_member = :member, heartbeat_at = :now
				WHERE id = :id AND owner = :owner AND status = 'RUNNING'""")
			.bind("n", compensations)
			.bind("member", member)
			.bind("now", now)
			.bind("id", job.id())
			.bind("owner", job.owner())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	Mono<Void> finish(ClaimedJob job, RecalculationStatus status, Instant now) {
		return this.db.sql("""
				UPDATE points_recalculations SET status = :status, finished_at = :now, heartbeat_at = :now
				WHERE id = :id AND owner = :owner AND status = 'RUNNING'""")
			.bind("status", status.name())
			.bind("now", now)
			.bind("id", job.id())
			.bind("owner", job.owner())
			.then();
	}

	/** A job as its runner holds it: the owner token and where to continue. */
	record ClaimedJob(UUID id, UUID owner, int year, @Nullable UUID orgId, @Nullable UUID cursor) {
	}

}
