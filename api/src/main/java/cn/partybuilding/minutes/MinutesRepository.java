package cn.partybuilding.minutes;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Minutes; writes are conditional on the record not being signed (or reviewed) yet. */
@Repository
class MinutesRepository {

	private static final String COLUMNS = "activity_id, recorder_id, content, updated_by, updated_at, signed_by, "
			+ "signed_at, reviewed_by, reviewed_at";

	private final DatabaseClient db;

	MinutesRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<Minutes> find(UUID activityId) {
		return this.db.sql("SELECT " + COLUMNS + " FROM activity_minutes WHERE activity_id = :a")
			.bind("a", activityId)
			.map(MinutesRepository::read)
			.one();
	}

	/** Writes the record unless it is signed; empty when it is. */
	Mono<Minutes> write(UUID activityId, UUID recorderId, String content, UUID by, Instant at) {
		return this.db.sql("INSERT INTO activity_minutes (activity_id, recorder_id, content, updated_by, updated_at) "
				+ "VALUES (:a, :recorder, :content, :by, :at) ON CONFLICT (activity_id) DO UPDATE SET "
				+ "recorder_id = excluded.recorder_id, content = excluded.content, updated_by = excluded.updated_by, "
				+ "updated_at = excluded.updated_at WHERE activity_minutes.signed_at IS NULL RETURNING " + COLUMNS)
			.bind("a", activityId)
			.bind("recorder", recorderId)
			.bind("content", content)
			.bind("by", by)
			.bind("at", at)
			.map(MinutesRepository::read)
			.one();
	}

	Mono<Minutes> sign(UUID activityId, UUID by, Instant at) {
		return this.db
			.sql("UPDATE activity_minutes SET signed_by = :by, signed_at = :at "
					+ "WHERE activity_id = :a AND signed_at IS NULL RETURNING " + COLUMNS)
			.bind("a", activityId)
			.bind("by", by)
			.bind("at", at)
			.map(MinutesRepository::read)
			.one();
	}

	Mono<Minutes> review(UUID activityId, UUID by, Instant at) {
		return this.db
			.sql("UPDATE activity_minutes SET reviewed_by = :by, reviewed_at = :at "
					+ "WHERE activity_id = :a AND signed_at IS NOT NULL AND reviewed_at IS NULL RETURNING " + COLUMNS)
			.bind("a", activityId)
			.bind("by", by)
			.bind("at", at)
			.map(MinutesRepository::read)
			.one();
	}

	private static Minutes read(Readable row) {
		return new Minutes(row.get("activity_id", UUID.class), row.get("recorder_id", UUID.class),
				row.get("content", String.class), row.get("updated_by", UUID.class),
				row.get("updated_at", Instant.class), row.get("signed_by", UUID.class),
				row.get("signed_at", Instant.class), row.get("reviewed_by", UUID.class),
				row.get("reviewed_at", Instant.class));
	}

}
