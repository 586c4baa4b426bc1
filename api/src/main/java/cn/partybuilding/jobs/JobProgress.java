package cn.partybuilding.jobs;

import java.util.function.Predicate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where a running job reports its counts so far. */
@FunctionalInterface
public interface JobProgress {

	Mono<Void> report(JobCounts soFar);

	/**
	 * Adds up a run's tallies as they come, reporting the counts so far after each tally
	 * that {@code reportAt} picks (each report also tells that the run is alive); the
	 * final counts, {@link JobCounts#NONE} for a run with nothing to do.
	 */
	default Mono<JobCounts> sum(Flux<JobCounts> tallies, Predicate<JobCounts> reportAt) {
		return tallies.scan(JobCounts.NONE, (counts, tally) -> counts.plus(tally.processed(), tally.created()))
			.skip(1)
			.concatMap((counts) -> reportAt.test(counts) ? report(counts).thenReturn(counts) : Mono.just(counts))
			.last(JobCounts.NONE);
	}

}
