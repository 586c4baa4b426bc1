package cn.partybuilding.jobs;

import reactor.core.publisher.Mono;

/** Where a running job reports its counts so far. */
@FunctionalInterface
public interface JobProgress {

	Mono<Void> report(JobCounts soFar);

}
