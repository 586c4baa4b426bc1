package cn.partybuilding.attendance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import cn.partybuilding.activity.Activities;
import cn.partybuilding.activity.Activity;
import cn.partybuilding.activity.ActivityAccess;
import cn.partybuilding.checkin.Presence;
import cn.partybuilding.security.Caller;

/**
 * Who came: the invited members (frozen at the start; before it, the subtree's members)
 * and anyone checked in, each CHECKED_IN, ON_LEAVE (approved leave) or ABSENT (not
 * checked in, so far), and how each check-in was proven: those by position alone are
 * marked. One statement reads it all, so the figures agree with each other even while
 * check-ins are arriving.
 */
@Service
class AttendanceSheet {

	private static final String SHEET = """
			SELECT m.id, m.name, c.checked_in_at, c.method, (l.member_id IS NOT NULL) AS on_leave
			FROM invited i JOIN members m ON m.id = i.member_id
			LEFT JOIN checkins c ON c.activity_id = :activity AND c.member_id = m.id
			LEFT JOIN leave_requests l ON l.activity_id = :activity AND l.member_id = m.id AND l.status = 'APPROVED'
			ORDER BY m.name, m.id""";

	private final ActivityAccess access;

	private final Activities activities;

	private final DatabaseClient db;

	private final Clock clock;

	AttendanceSheet(ActivityAccess access, Activities activities, DatabaseClient db, Clock clock) {
		this.access = access;
		this.activities = activities;
		this.db = db;
		this.clock = clock;
	}

	Mono<Sheet> of(Caller caller, UUID activityId) {
		Instant now = this.clock.instant();
		return this.access.requireAdministered(caller, activityId)
			.flatMap((activity) -> rows(activity, now).map(Sheet::of));
	}

	private Mono<List<Row>> rows(Activity activity, Instant now) {
		if (activity.hasStarted(now)) {
			return this.activities.freezeInvitees(activity, now)
				.then(this.db
					.sql("WITH invited AS (SELECT member_id FROM activity_invitees WHERE activity_id = :activity "
							+ "UNION SELECT member_id FROM checkins WHERE activity_id = :activity) " + SHEET)
					.bind("activity", activity.id())
					.map(AttendanceSheet::row)
					.all()
					.collectList());
		}
		return this.activities.invitedUnit(activity)
			.flatMap((unit) -> this.db
				.sql("WITH invited AS (SELECT m.id AS member_id FROM members m "
						+ "JOIN orgs o ON o.id = m.branch_id WHERE o.path @> ARRAY[:unit]::uuid[] "
						+ "AND m.status IN ('PROBATIONARY', 'FULL') "
						+ "UNION SELECT member_id FROM checkins WHERE activity_id = :activity) " + SHEET)
				.bind("activity", activity.id())
				.bind("unit", unit.id())
				.map(AttendanceSheet::row)
				.all()
				.collectList());
	}

	private static Row row(io.r2dbc.spi.Readable row) {
		return new Row(row.get("id", UUID.class), row.get("name", String.class),
				row.get("checked_in_at", Instant.class), row.get("method", String.class),
				Boolean.TRUE.equals(row.get("on_leave", Boolean.class)));
	}

	record Row(UUID memberId, String name, @Nullable Instant checkedInAt, @Nullable String method, boolean onLeave) {

		String state() {
			return (this.checkedInAt != null) ? "CHECKED_IN" : this.onLeave ? "ON_LEAVE" : "ABSENT";
		}

		/**
		 * Checked in by position alone: the venue's coordinates, which anyone can send,
		 * are all it rests on.
		 */
		boolean positionOnly() {
			return Presence.positionOnly(this.method);
		}

	}

	/**
	 * The figures and the members behind them.
	 *
	 * @param invited how many are invited
	 * @param checkedIn how many checked in
	 * @param onLeave how many are excused
	 * @param absent how many are neither
	 * @param rate checked in / invited
	 * @param positionOnly how many checked in by position alone
	 * @param members each invited member with their state
	 */
	record Sheet(int invited, int checkedIn, int onLeave, int absent, double rate, int positionOnly,
			List<Row> members) {

		static Sheet of(List<Row> rows) {
			int checkedIn = (int) rows.stream().filter((row) -> row.state().equals("CHECKED_IN")).count();
			int onLeave = (int) rows.stream().filter((row) -> row.state().equals("ON_LEAVE")).count();
			int positionOnly = (int) rows.stream().filter(Row::positionOnly).count();
			int invited = rows.size();
			double rate = (invited == 0) ? 0 : Math.round(10_000.0 * checkedIn / invited) / 10_000.0;
			return new Sheet(invited, checkedIn, onLeave, invited - checkedIn - onLeave, rate, positionOnly, rows);
		}

	}

}
