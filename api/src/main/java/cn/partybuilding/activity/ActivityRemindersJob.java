package cn.partybuilding.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import cn.partybuilding.jobs.DailyJob;
import cn.partybuilding.jobs.JobCounts;
import cn.partybuilding.jobs.JobProgress;

/** {@code activity-reminders}: in the morning, every invitee of the day's approved activities is reminded, once. */
@Component
class ActivityRemindersJob implements DailyJob {

	private final DatabaseClient db;

	private final ActivityEvents events;

	private final Clock clock;

	ActivityRemindersJob(DatabaseClient db, ActivityEvents events, Clock clock) {
		this.db = db;
		this.events = events;
		this.clock = clock;
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
		Instant from = date.atStartOfDay(this.clock.getZone()).toInstant();
		Instant to = date.plusDays(1).atStartOfDay(this.clock.getZone()).toInstant();
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
