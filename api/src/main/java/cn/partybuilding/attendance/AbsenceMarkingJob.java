package cn.partybuilding.attendance;

import java.time.LocalDate;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.jobs.DailyJob;
import cn.partybuilding.jobs.JobCounts;
import cn.partybuilding.jobs.JobProgress;

/**
 * {@code absence-marking}: late in the evening, the day's ended activities are completed
 * and absences marked.
 */
@Component
class AbsenceMarkingJob implements DailyJob {

	private final AbsenceMarking marking;

	AbsenceMarkingJob(AbsenceMarking marking) {
		this.marking = marking;
	}

	@Override
	public String name() {
		return "absence-marking";
	}

	@Override
	public String defaultSchedule() {
		return "23:30";
	}

	@Override
	public Mono<JobCounts> run(LocalDate date, JobProgress progress) {
		return this.marking.markUpTo(date).map((counts) -> new JobCounts(counts.activities(), counts.absences()));
	}

}
