package cn.partybuilding.activity;

import java.time.Instant;
import java.time.LocalDate;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import cn.partybuilding.jobs.DailyJob;
import cn.partybuilding.jobs.JobCounts;
import cn.partybuilding.jobs.JobProgress;
import cn.partybuilding.system.BusinessTime;

/**
 * {@code activity-reminders}: in the morning, every invitee of the day's approved
 * activities is reminded, once.
 */
@Component
class ActivityRemindersJob implements DailyJob {

	private final DatabaseClient db;

	private final ActivityEvents events;

	private final BusinessTime time;

	ActivityRemindersJob(DatabaseClient db, ActivityEvents events, BusinessTime time) {
		this.db = db;
		this.events = events;
		this.time = time;
	}

	@Override
	public String name() {
		return "activity-reminders";
	}

	@Override
	public String defaultSchedule() {
		return "07:30";
	}

	@Override
	public Mono<JobCounts> run(LocalDate date, JobProgress progress) {
		Instant from = this.time.startOf(date);
		Instant to = this.time.endOf(date);
		return this.db
			.sql("SELECT " + Activities.columns("a") + " FROM activities a WHERE a.status = 'APPROVED' "
					+ "AND a.starts_at >= :from AND a.starts_at < :to ORDER BY a.starts_at, a.id")
			.bind("from", from)
			.bind("to", to)
			.map(Activities::read)
			.all()
			.concatMap((activity) -> this.events.remind(activity)
				.map((invitees) -> new JobCounts(1, invitees))
				.flatMap((counts) -> progress.report(counts).thenReturn(counts)))
			.reduce(JobCounts.NONE, (total, one) -> total.plus(one.processed(), one.created()));
	}

}
