package cn.partybuilding.attendance;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.system.Parameters;

/** Check-ins: inserted at most once per member and activity by the unique key, whatever the concurrency. */
@Repository
class CheckInRepository {

	private final DatabaseClient db;

	CheckInRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts the check-in; empty when the member has one for the activity already. */
	Mono<CheckIn> insert(CheckIn checkIn, @Nullable UUID recordedBy, @Nullable String reason) {
		return this.db.sql("""
				INSERT INTO checkins (id, activity_id, member_id, checked_in_at, method, distance_m, recorded_by,
				                      manual_reason)
				VALUES (:id, :activity, :member, :at, :method, :distance, :recordedBy, :reason)
				ON CONFLICT ON CONSTRAINT checkins_once DO NOTHING
				RETURNING id""")
			.bind("id", checkIn.id())
			.bind("activity", checkIn.activityId())
			.bind("member", checkIn.memberId())
			.bind("at", checkIn.checkedInAt())
			.bind("method", checkIn.method())
			.bind("distance", Parameters.nullable(checkIn.distanceMeters(), Integer.class))
			.bind("recordedBy", Parameters.nullable(recordedBy, UUID.class))
			.bind("reason", Parameters.nullable(reason, String.class))
			.map((row) -> checkIn)
			.one();
	}

	Mono<CheckIn> find(UUID activityId, UUID memberId) {
		return this.db.sql("SELECT id, activity_id, member_id, checked_in_at, method, distance_m FROM checkins "
				+ "WHERE activity_id = :activity AND member_id = :member")
			.bind("activity", activityId)
			.bind("member", memberId)
			.map(CheckInRepository::read)
			.one();
	}

	private static CheckIn read(Readable row) {
		return new CheckIn(row.get("id", UUID.class), row.get("activity_id", UUID.class),
				row.get("member_id", UUID.class), row.get("checked_in_at", Instant.class),
				row.get("method", String.class), row.get("distance_m", Integer.class));
	}

}
