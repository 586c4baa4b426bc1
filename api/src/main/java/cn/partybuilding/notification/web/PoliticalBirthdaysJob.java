package cn.partybuilding.notification.web;

import java.time.LocalDate;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.jobs.DailyJob;
import cn.partybuilding.jobs.JobCounts;
import cn.partybuilding.jobs.JobProgress;
import cn.partybuilding.notification.birthday.PoliticalBirthdays;

/**
 * {@code political-birthdays}: every morning, the day's greetings (at 08:00 unless
 * configured otherwise).
 */
@Component
class PoliticalBirthdaysJob implements DailyJob {

	private final PoliticalBirthdays birthdays;

	PoliticalBirthdaysJob(PoliticalBirthdays birthdays) {
		this.birthdays = birthdays;
	}

	@Override
	public String name() {
		return "political-birthdays";
	}

	@Override
	public String defaultSchedule() {
		return "08:00";
	}

	@Override
	public Mono<JobCounts> run(LocalDate date, JobProgress progress) {
		return progress.sum(
				this.birthdays.greet(date).map((tally) -> new JobCounts(tally.processed(), tally.created())),
				(counts) -> true);
	}

}
