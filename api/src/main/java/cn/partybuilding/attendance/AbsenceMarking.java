package cn.partybuilding.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.activity.Activities;
import cn.partybuilding.activity.Activity;
import cn.partybuilding.system.BusinessTime;

/**
 * After an activity ends, every invited member with neither a check-in nor an approved
 * leave is absent without leave (a points deduction), once: the activity is completed in
 * the same transaction, and the events are keyed by activity and member, so however often
 * this runs, nobody is marked twice.
 */
@Service
public class AbsenceMarking {

	private final Activities activities;

	private final AttendanceEvents events;

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final BusinessTime time;

	AbsenceMarking(Activities activities, AttendanceEvents events, DatabaseClient db,
			TransactionalOperator transactions, BusinessTime time) {
		this.activities = activities;
		this.events = events;
		this.db = db;
		this.transactions = transactions;
		this.time = time;
	}

	/**
	 * Marks the activities that ended before the end of {@code date} (business zone);
	 * counts activities and absences.
	 */
	public Mono<Counts> markUpTo(LocalDate date) {
		Instant cutoff = this.time.endOf(date);
		Instant now = this.time.now();
		Instant until = cutoff.isAfter(now) ? now : cutoff;
		return this.activities.awaitingCompletion(until)
			.concatMap((activity) -> mark(activity, now))
			.reduce(new Counts(0, 0),
					(total, absences) -> new Counts(total.activities() + 1, total.absences() + absences));
	}

	private Mono<Integer> mark(Activity activity, Instant now) {
		return this.activities.freezeInvitees(activity, now)
			.then(this.activities.complete(activity.id()))
			.flatMap((completed) -> !completed ? Mono.just(0)
					: absentees(activity.id()).concatMap((member) -> this.events.absent(activity, member).thenReturn(1))
						.count()
						.map(Long::intValue))
			.as(this.transactions::transactional);
	}

	private reactor.core.publisher.Flux<UUID> absentees(UUID activityId) {
		return this.db.sql("""
				SELECT i.member_id FROM activity_invitees i WHERE i.activity_id = :a
				AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.activity_id = :a AND c.member_id = i.member_id)
				AND NOT EXISTS (SELECT 1 FROM leave_requests l WHERE l.activity_id = :a AND l.member_id = i.member_id
				                AND l.status = 'APPROVED')""")
			.bind("a", activityId)
			.map((row) -> row.get("member_id", UUID.class))
			.all();
	}

	/**
	 * What a run did.
	 *
	 * @param activities activities completed
	 * @param absences members marked absent without leave
	 */
	public record Counts(int activities, int absences) {
	}

}
