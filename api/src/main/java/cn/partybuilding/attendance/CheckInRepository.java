package cn.partybuilding.attendance;

import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.points.intake.ReturningKeys;

/**
 * Check-ins: inserted at most once per member and activity by the unique key, whatever
 * the concurrency.
 */
@Repository
class CheckInRepository {

	private final DatabaseClient db;

	CheckInRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The insert of the check-ins in one statement, returning the ids of those inserted
	 * as their keys; run by the points intake together with their points events. A
	 * check-in is skipped, without reading anything first, when its member has one for
	 * the activity already, when its device checked in another member already (or an
	 * earlier one of the list holds either), and when its member is no longer active: a
	 * member who left or was transferred out still holds a token for up to its lifetime,
	 * and it must not check them in.
	 */
	static ReturningKeys insertion(List<CheckInWriter.NewCheckIn> checkIns) {
		// In key order: two batches in flight that both hold repeated taps of the same
		// members then wait for each
		// other's keys in the same order, never crosswise (which PostgreSQL would end as
		// a deadlock after a second).
		// The device key cannot be in the same order as well; it only collides crosswise
		// when one device is used
		// for different members in two batches at once, which is refused anyway; then
		// PostgreSQL ends the deadlock
		// and the writer writes that batch again one check-in at a time.
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
		String[] devices = new String[n];
		for (int i = 0; i < n; i++) {
			CheckInWriter.NewCheckIn entry = batch.get(i);
			CheckIn checkIn = entry.checkIn();
			ids[i] = checkIn.id();
			activities[i] = checkIn.activityId();
			members[i] = checkIn.memberId();
			times[i] = checkIn.checkedInAt().toString();
			methods[i] = checkIn.method();
			distances[i] = checkIn.distanceMeters();
			recorders[i] = entry.recordedBy();
			reasons[i] = entry.reason();
			devices[i] = (entry.deviceHash() != null) ? HexFormat.of().formatHex(entry.deviceHash()) : null;
		}
		// ON CONFLICT names no constraint: then every unique index makes a row skip, the
		// member's (checkins_once)
		// and the device's (checkins_one_device) alike, duplicates within the list
		// included. The member's status is
		// read by a subquery per row rather than a join: a plan of the same shape
		// whatever the statistics (one
		// primary-key lookup of a row the foreign key check reads anyway), which keeps
		// the rows in key order.
		return new ReturningKeys("""
				INSERT INTO checkins (id, activity_id, member_id, checked_in_at, method, distance_m, recorded_by,
				                      manual_reason, device_hash)
				SELECT i, a, m, CAST(t AS timestamptz), h, d, r, why, decode(dev, 'hex')
				FROM unnest(CAST(:ids AS uuid[]), CAST(:activities AS uuid[]), CAST(:members AS uuid[]),
				            CAST(:times AS text[]), CAST(:methods AS text[]), CAST(:distances AS int[]),
				            CAST(:recorders AS uuid[]), CAST(:reasons AS text[]), CAST(:devices AS text[]))
				     AS n(i, a, m, t, h, d, r, why, dev)
				WHERE (SELECT status FROM members WHERE id = n.m) IN ('PROBATIONARY', 'FULL')
				ON CONFLICT DO NOTHING
				RETURNING CAST(id AS text) AS key""",
				Map.of("ids", ids, "activities", activities, "members", members, "times", times, "methods", methods,
						"distances", distances, "recorders", recorders, "reasons", reasons, "devices", devices));
	}

	Mono<CheckIn> find(UUID activityId, UUID memberId) {
		return this.db
			.sql("SELECT id, activity_id, member_id, checked_in_at, method, distance_m FROM checkins "
					+ "WHERE activity_id = :activity AND member_id = :member")
			.bind("activity", activityId)
			.bind("member", memberId)
			.map(CheckInRepository::read)
			.one();
	}

	/**
	 * Whether another check-in to the activity came from the device (a member's own is
	 * found by {@link #find}).
	 */
	Mono<Boolean> deviceUsed(UUID activityId, byte[] deviceHash) {
		return this.db
			.sql("SELECT EXISTS (SELECT 1 FROM checkins WHERE activity_id = :activity "
					+ "AND device_hash = :device) AS used")
			.bind("activity", activityId)
			.bind("device", deviceHash)
			.map((row) -> Boolean.TRUE.equals(row.get("used", Boolean.class)))
			.one();
	}

	private static CheckIn read(Readable row) {
		return new CheckIn(row.get("id", UUID.class), row.get("activity_id", UUID.class),
				row.get("member_id", UUID.class), row.get("checked_in_at", Instant.class),
				row.get("method", String.class), row.get("distance_m", Integer.class));
	}

}
