package cn.partybuilding.jobs;

import java.time.LocalDate;

import reactor.core.publisher.Mono;

/**
 * A job that runs once a day (or once a week) for a local date. Implementations must be
 * idempotent: the scheduler of every instance may start it, an administrator may start it
 * again for the same date, and a run cut short by a stop is simply run again. Running it
 * again for a date it already ran for changes nothing.
 */
public interface DailyJob {

	/** The job's name, e.g. {@code political-birthdays}. */
	String name();

	/**
	 * When it runs unless configured otherwise: {@code "08:00"} daily,
	 * {@code "MON 08:30"} weekly.
	 */
	String defaultSchedule();

	/**
	 * Does the work for {@code date}, reporting progress as it goes (each report also
	 * tells that the run is alive); the final counts.
	 */
	Mono<JobCounts> run(LocalDate date, JobProgress progress);

}
