package cn.partybuilding.jobs;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily jobs, bound from {@code party.jobs.*} (see {@code application.yaml} for the
 * environment variables).
 *
 * @param enabled whether this instance schedules jobs ({@code PARTY_SCHEDULER_ENABLED});
 * administrators can start runs on every instance
 * @param schedules per job name, when it runs ({@code "08:00"}, {@code "MON 08:30"});
 * unset jobs use their default
 * @param tick how often the scheduler looks for due jobs
 * @param staleAfter a run whose heartbeat is older than this was cut short (its instance
 * stopped)
 * @param retryFailedAfter how long after a failed run the scheduler tries the date again
 */
@ConfigurationProperties("party.jobs")
record JobSettings(@DefaultValue("true") boolean enabled, @DefaultValue Map<String, String> schedules,
		@DefaultValue("30s") Duration tick, @DefaultValue("2m") Duration staleAfter,
		@DefaultValue("5m") Duration retryFailedAfter) {

	JobSchedule scheduleOf(DailyJob job) {
		return JobSchedule.parse(this.schedules.getOrDefault(job.name(), job.defaultSchedule()));
	}

	/** How often a running job says it is alive: well within {@link #staleAfter}. */
	Duration heartbeat() {
		return this.staleAfter.dividedBy(4);
	}

}
