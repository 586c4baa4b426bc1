package cn.partybuilding.notification.web;

import java.time.LocalDate;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.jobs.DailyJob;
import cn.partybuilding.jobs.JobCounts;
import cn.partybuilding.jobs.JobProgress;
import cn.partybuilding.notification.birthday.BirthdayDigests;

/**
 * {@code birthday-digest}: every Monday (08:30 unless configured otherwise), each branch
 * secretary gets the list of the political birthdays of the seven days starting at the
 * run's date.
 */
@Component
class BirthdayDigestJob implements DailyJob {

	private final BirthdayDigests digests;

	BirthdayDigestJob(BirthdayDigests digests) {
		this.digests = digests;
	}

	@Override
	public String name() {
		return "birthday-digest";
	}

	@Override
	public String defaultSchedule() {
		return "MON 08:30";
	}

	@Override
	public Mono<JobCounts> run(LocalDate date, JobProgress progress) {
		return progress.sum(this.digests.send(date).map((tally) -> new JobCounts(tally.processed(), tally.created())),
				(counts) -> counts.processed() % 100 == 0);
	}

}
