/**
 * Daily jobs: scheduled at a configurable local time, runnable for a date by an
 * administrator, recorded in {@code job_runs}, and caught up on start when every instance
 * was down at the scheduled time.
 *
 * <p>
 * Registering a job is adding one {@link cn.partybuilding.jobs.DailyJob} bean: give it a
 * name (the path segment of {@code POST /admin/jobs/{job}/runs}), a default schedule
 * ({@code "HH:mm"} every day, or {@code "MON HH:mm"} once a week), and a
 * {@code run(date, progress)} that is safe to run twice, concurrently, on any number of
 * instances (fence its effects with unique keys). The schedule can be overridden with
 * {@code party.jobs.schedules.<name>}. Nothing else needs to change: the scheduler, the
 * catch-up and the admin endpoints pick it up.
 */
@NullMarked
package cn.partybuilding.jobs;

import org.jspecify.annotations.NullMarked;
