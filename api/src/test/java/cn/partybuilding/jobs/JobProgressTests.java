package cn.partybuilding.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's tallies added up, with the counts so far reported where the job asks. */
class JobProgressTests {

	private final List<JobCounts> reports = new CopyOnWriteArrayList<>();

	private final JobProgress progress = (soFar) -> Mono.fromRunnable(() -> this.reports.add(soFar));

	@Test
	void theTalliesAreAddedUpAndTheCountsSoFarReportedWhereAsked() {
		Flux<JobCounts> tallies = Flux.just(new JobCounts(50, 2), new JobCounts(50, 0), new JobCounts(30, 1));
		JobCounts total = this.progress.sum(tallies, (counts) -> counts.processed() % 100 == 0).block();
		assertThat(total).isEqualTo(new JobCounts(130, 3));
		assertThat(this.reports).containsExactly(new JobCounts(100, 2));
	}

	@Test
	void aRunWithNothingToDoCountsNothingAndReportsNothing() {
		assertThat(this.progress.sum(Flux.empty(), (counts) -> true).block()).isEqualTo(JobCounts.NONE);
		assertThat(this.reports).isEmpty();
	}

}
