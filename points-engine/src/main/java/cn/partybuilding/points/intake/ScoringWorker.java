package cn.partybuilding.points.intake;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.partybuilding.points.BackgroundLoop;
import cn.partybuilding.points.PointsSettings;
import cn.partybuilding.points.ScoringYield;

/**
 * Keeps scoring on instances with workers enabled: {@code workers} loops, each scoring
 * batch after batch. A full batch means more is waiting, so the loop goes on at once;
 * after a batch that was not full (or empty) it waits {@code pollInterval} before looking
 * again, so that what arrives meanwhile is scored together. Points still appear well
 * within a second, and at a steady trickle of check-ins the workers run a few large
 * transactions rather than one per event or two, which would take the database's and the
 * server's time from the check-ins themselves. While a {@link ScoringYield} says people
 * are waiting for the database, each loop scores at most one small batch
 * ({@code busyBatchSize}) per {@code busyBatchInterval}: the members checking in get the
 * machine, and the points follow once the rush is over. Started with the application and
 * stopped before the database connections close; a batch cut off by the stop is rolled
 * back and scored again by whichever worker comes next.
 */
@Component
class ScoringWorker extends BackgroundLoop {

	private static final Logger logger = LoggerFactory.getLogger(ScoringWorker.class);

	/** How often a loop that gives way looks again whether it still has to. */
	private static final Duration BUSY_CHECK = Duration.ofMillis(50);

	/**
	 * Scores the next batch of at most the given number of events, giving how many it
	 * scored.
	 */
	private final IntFunction<Mono<Integer>> nextBatch;

	private final PointsSettings settings;

	/**
	 * Work people wait for; scoring gives way while any of it queues for the database.
	 */
	private final List<ScoringYield> yields;

	@Autowired
	ScoringWorker(ScoringBatches batches, PointsSettings settings, ObjectProvider<ScoringYield> yields) {
		this(batches::scoreNextBatch, settings, yields.orderedStream().toList());
	}

	ScoringWorker(ScoringBatches batches, PointsSettings settings) {
		this(batches::scoreNextBatch, settings, List.of());
	}

	ScoringWorker(IntFunction<Mono<Integer>> nextBatch, PointsSettings settings, List<ScoringYield> yields) {
		this.nextBatch = nextBatch;
		this.settings = settings;
		this.yields = List.copyOf(yields);
	}

	@Override
	protected boolean runsHere() {
		return this.settings.workersEnabled();
	}

	@Override
	protected Disposable subscribe() {
		int workers = this.settings.workers();
		return Flux.range(0, workers).flatMap((i) -> loop(), workers).subscribe();
	}

	private Mono<Void> loop() {
		Duration idle = this.settings.pollInterval();
		int full = this.settings.batchSize();
		int small = Math.min(this.settings.busyBatchSize(), full);
		long busyInterval = this.settings.busyBatchInterval().toNanos();
		// Monotonic nanoseconds: the intervals between batches, not dates.
		AtomicLong lastBatch = new AtomicLong(System.nanoTime() - busyInterval);
		return Mono.defer(() -> {
			long now = System.nanoTime();
			boolean othersWaiting = this.yields.stream().anyMatch(ScoringYield::othersWaiting);
			if (othersWaiting && now - lastBatch.get() < busyInterval) {
				// Giving way: look again shortly, and score once the interval is over or
				// nobody waits any more.
				return Mono.delay((idle.compareTo(BUSY_CHECK) < 0) ? idle : BUSY_CHECK).then();
			}
			lastBatch.set(now);
			int limit = othersWaiting ? small : full;
			return Mono.defer(() -> this.nextBatch.apply(limit))
				.flatMap((scored) -> (scored >= limit) ? Mono.<Void>empty() : Mono.delay(idle).then());
		}).onErrorResume((ex) -> {
			logger.warn("Points scoring could not run ({}); trying again shortly", ex.getClass().getName());
			return Mono.delay(idle.multipliedBy(10)).then();
		}).repeat().then();
	}

}
