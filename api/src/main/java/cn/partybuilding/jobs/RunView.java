package cn.partybuilding.jobs;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A run of a daily job as the administrator sees it.
 *
 * @param id the run
 * @param job the job's name
 * @param date the business day it ran for
 * @param status RUNNING, DONE or FAILED
 * @param processed items handled
 * @param created items made (greetings, reminders, absences)
 * @param startedAt when it started
 * @param finishedAt when it ended; none while it runs
 */
record RunView(String id, String job, LocalDate date, String status, long processed, long created,
		OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt) {
}
