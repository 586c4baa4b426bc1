package cn.partybuilding.attendance;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.points.intake.ReturningKeys;

/** Check-ins: inserted at most once per member and activity by the unique key, whatever the concurrency. */
@Repository
class CheckInRepository {

	private final DatabaseClient db;

	CheckInRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The insert of the check-ins in one statement, each unless its member has one for the activity already (or an
	 * earlier one of the list is theirs), returning the ids of those inserted as their keys; run by the points intake
	 * together with their points events.
	 */
	static ReturningKeys insertion(List<CheckInWriter.NewCheckIn> checkIns) {
		// In key order: two batches in flight that both hold repeated taps of the same members then wait for each
		// other's keys in the same order, never crosswise (which PostgreSQL would end as a deadlock after a second).
		List<CheckInWriter.NewCheckIn> batch = checkIns.stream()
			.sorted(Comparator.comparing((CheckInWriter.NewCheckIn entry) -> entry.checkIn().activityId())
				.thenComparing((entry) -> entry.checkIn().memberId()))
			.toList();
		int n = batch.size();
		UUID[] ids = new UUID[n];
		UUID[] activities = new UUID[n];
		UUID[] members = new UUID[n];
		String[] times = new String[n];
		String[] methods = new String[n];
		Integer[] distances = new Integer[n];
		UUID[] recorders = new UUID[n];
		String[] reasons = new String[n];
		for (int i = 0; i < n; i++) {
			CheckIn checkIn = batch.get(i).checkIn();
			ids[i] = checkIn.id();
			activities[i] = checkIn.activityId();
			members[i] = checkIn.memberId();
			times[i] = checkIn.checkedInAt().toString();
			methods[i] = checkIn.method();
			distances[i] = checkIn.distanceMeters();
			recorders[i] = batch.get(i).recordedBy();
			reasons[i] = batch.get(i).reason();
		}
		return new ReturningKeys("""
				INSERT INTO checkins (id, activity_id, member_id, checked_in_at, method, distance_m, recorded_by,
				                      manual_reason)
				SELECT i, a, m, CAST(t AS timestamptz), h, d, r, why
				FROM unnest(CAST(:ids AS uuid[]), CAST(:activities AS uuid[]), CAST(:members AS uuid[]),
				            CAST(:times AS text[]), CAST(:methods AS text[]), CAST(:distances AS int[]),
				            CAST(:recorders AS uuid[]), CAST(:reasons AS text[])) AS n(i, a, m, t, h, d, r, why)
				ON CONFLICT ON CONSTRAINT checkins_once DO NOTHING
				RETURNING CAST(id AS text) AS key""",
				Map.of("ids", ids, "activities", activities, "members", members, "times", times, "methods", methods,
						"distances", distances, "recorders", recorders, "reasons", reasons));
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
