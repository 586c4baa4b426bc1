package cn.partybuilding.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One run of a job for a date.
 *
 * @param id the run
 * @param job the job's name
 * @param date the local date it ran for
 * @param status RUNNING, DONE or FAILED
 * @param processed items looked at so far
 * @param created effects created so far
 * @param startedAt when it started
 * @param heartbeatAt when it last said it was alive
 * @param finishedAt when it ended
 */
record JobRun(UUID id, String job, LocalDate date, Status status, long processed, long created, Instant startedAt,
		Instant heartbeatAt, @Nullable Instant finishedAt) {

	enum Status {

		RUNNING, DONE, FAILED

	}

}
