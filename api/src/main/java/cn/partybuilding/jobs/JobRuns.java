package cn.partybuilding.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code job_runs} table. */
@Repository
class JobRuns {

	private static final String COLUMNS = "id, job, date, status, processed, created, started_at, heartbeat_at, "
			+ "finished_at";

	private final DatabaseClient db;

	JobRuns(DatabaseClient db) {
		this.db = db;
	}

	Mono<JobRun> insert(UUID id, String job, LocalDate date, Instant now) {
		return this.db
			.sql("INSERT INTO job_runs (id, job, date, status, started_at, heartbeat_at) "
					+ "VALUES (:id, :job, :date, 'RUNNING', :now, :now) RETURNING " + COLUMNS)
			.bind("id", id)
			.bind("job", job)
			.bind("date", date)
			.bind("now", now)
			.map(JobRuns::run)
			.one();
	}

	Mono<JobRun> find(String job, UUID id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM job_runs WHERE id = :id AND job = :job")
			.bind("id", id)
			.bind("job", job)
			.map(JobRuns::run)
			.one();
	}

	/** The most recent run of the job for the date. */
	Mono<JobRun> latest(String job, LocalDate date) {
		return this.db
			.sql("SELECT " + COLUMNS + " FROM job_runs WHERE job = :job AND date = :date "
					+ "ORDER BY started_at DESC, id DESC LIMIT 1")
			.bind("job", job)
			.bind("date", date)
			.map(JobRuns::run)
			.one();
	}

	Mono<Void> progress(UUID id, JobCounts counts, Instant now) {
		return this.db
			.sql("UPDATE job_runs SET processed = :processed, created = :created, heartbeat_at = :now "
					+ "WHERE id = :id AND status = 'RUNNING'")
			.bind("processed", counts.processed())
			.bind("created", counts.created())
			.bind("now", now)
			.bind("id", id)
			.then();
	}

	Mono<Void> heartbeat(UUID id, Instant now) {
		return this.db.sql("UPDATE job_runs SET heartbeat_at = :now WHERE id = :id AND status = 'RUNNING'")
			.bind("now", now)
			.bind("id", id)
			.then();
	}

	Mono<Void> finish(UUID id, JobRun.Status status, JobCounts counts, String error, Instant now) {
		return this.db.sql("""
				UPDATE job_runs SET status = :status, processed = :processed, created = :created, finished_at = :now,
				    heartbeat_at = :now, error = NULLIF(:error, '')
				WHERE id = :id AND status = 'RUNNING'""")
			.bind("status", status.name())
			.bind("processed", counts.processed())
			.bind("created", counts.created())
			.bind("now", now)
			.bind("error", error)
			.bind("id", id)
			.then();
	}

	/**
	 * Marks a run whose instance stopped as failed; {@code false} when it had ended or
	 * someone else marked it.
	 */
	Mono<Boolean> abandon(UUID id, Instant staleBefore, Instant now) {
		return this.db.sql("""
				UPDATE job_runs SET status = 'FAILED', finished_at = :now, error = 'interrupted: its instance stopped'
				WHERE id = :id AND status = 'RUNNING' AND heartbeat_at < :staleBefore""")
			.bind("now", now)
			.bind("id", id)
			.bind("staleBefore", staleBefore)
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	private static JobRun run(Readable row) {
		return new JobRun(row.get("id", UUID.class), row.get("job", String.class), row.get("date", LocalDate.class),
				JobRun.Status.valueOf(row.get("status", String.class)), row.get("processed", Long.class),
				row.get("created", Long.class), row.get("started_at", Instant.class),
				row.get("heartbeat_at", Instant.class), row.get("finished_at", Instant.class));
	}

}
