package cn.partybuilding.points.intake;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import cn.partybuilding.points.PointsSettings;
import cn.partybuilding.points.ScoringYield;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringWorkerTests {

	private static final int BATCH = 100;

	private static final Duration POLL = Duration.ofMillis(100);

	private static final Duration WATCHED = Duration.ofMillis(600);

	private static final Duration BUSY_INTERVAL = Duration.ofMillis(250);

	private static final int BUSY_BATCH = 10;

	@Test
	void aBatchThatWasNotFullIsFollowedByAWaitSoThatTheNextOneGathersMore() throws InterruptedException {
		// Two workers, each batch scoring a few events (a trickle of check-ins): each
		// looks again once per poll.
		Watched watched = batchesRun(3, List.of());
		// Without the wait the two loops would run thousands of small transactions in the
		// same time.
		assertThat(watched.batches()).isBetween(2, watched.atMostOnePer(POLL));
	}

	@Test
	void nothingToScoreWaitsToo() throws InterruptedException {
		Watched watched = batchesRun(0, List.of());
		assertThat(watched.batches()).isBetween(2, watched.atMostOnePer(POLL));
	}

	@Test
	void aFullBatchIsFollowedAtOnce() throws InterruptedException {
		// A backlog: every batch is full, so the workers drain it without pausing.
		assertThat(batchesRun(BATCH, List.of()).batches()).isGreaterThan(100);
	}

	@Test
	void whileOthersWaitForTheDatabaseEachWorkerScoresAtMostOneBatchPerBusyInterval() throws InterruptedException {
		// A backlog (every batch full) during a rush of check-ins: the workers give way,
		// but never stop.
		AtomicInteger batches = new AtomicInteger();
		Duration ran = run((limit) -> {
			batches.incrementAndGet();
			return Mono.just(limit);
		}, List.of(() -> true));
		// Each worker scores at once, then once per 250 ms for as long as it was watched
		// (600 ms asked for; longer on a loaded machine).
		assertThat(batches.get()).isBetween(2, (int) (2 * (1 + ran.toMillis() / BUSY_INTERVAL.toMillis())));
	}

	@Test
	void whileOthersWaitForTheDatabaseEachBatchIsASmallOneAndAfterwardsFullOnesAgain() throws InterruptedException {
		List<Integer> limits = new CopyOnWriteArrayList<>();
		AtomicBoolean rush = new AtomicBoolean(true);
		run((limit) -> {
			limits.add(limit);
			// The rush ends after a few batches; the backlog is scored in full batches
			// from then on.
			if (limits.size() == 4) {
				rush.set(false);
			}
			return Mono.just(limit);
		}, List.of(rush::get));
		assertThat(limits.subList(0, 4)).containsOnly(BUSY_BATCH);
		assertThat(limits.get(limits.size() - 1)).isEqualTo(BATCH);
		assertThat(limits.stream().filter((limit) -> limit == BATCH).count()).isGreaterThan(50);
	}

	@Test
	void whenNobodyWaitsAnyMoreTheWorkersGoOnAtFullSpeed() throws InterruptedException {
		AtomicInteger batches = new AtomicInteger();
		AtomicBoolean rush = new AtomicBoolean(true);
		run((limit) -> {
			// The rush ends after the first few batches.
			if (batches.incrementAndGet() == 4) {
				rush.set(false);
			}
			return Mono.just(BATCH);
		}, List.of(() -> false, rush::get));
		assertThat(batches.get()).isGreaterThan(100);
	}

	/**
	 * How many batches two workers run while watched, each batch scoring {@code scored}
	 * events.
	 */
	private static Watched batchesRun(int scored, List<ScoringYield> yields) throws InterruptedException {
		AtomicInteger batches = new AtomicInteger();
		Duration ran = run((limit) -> {
			batches.incrementAndGet();
			return Mono.just(Math.min(scored, limit));
		}, yields);
		return new Watched(batches.get(), ran);
	}

	/**
	 * What two workers did while watched: the batches they ran and for how long they ran
	 * ({@link #WATCHED} asked for; longer on a loaded machine).
	 */
	private record Watched(int batches, Duration ran) {

		/**
		 * The most batches two workers run in that time at one per interval each, plus a
		 * start and a stop.
		 */
		int atMostOnePer(Duration interval) {
			return 2 * (int) (this.ran.toMillis() / interval.toMillis() + 2);
		}

	}

	/** Runs two workers for {@link #WATCHED} and says how long they actually ran. */
	private static Duration run(IntFunction<Mono<Integer>> nextBatch, List<ScoringYield> yields)
			throws InterruptedException {
		PointsSettings settings = new PointsSettings(true, POLL, BATCH, 2, BUSY_INTERVAL, BUSY_BATCH, 10,
				Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30), new PointsSettings.Grading(
						new BigDecimal("90"), new BigDecimal("60"), new BigDecimal("40"), new BigDecimal("0.2")));
		// A batch takes a millisecond, as a transaction would (and as the loop expects:
		// it never spins on the caller).
		ScoringWorker worker = new ScoringWorker(
				(limit) -> Mono.delay(Duration.ofMillis(1)).then(Mono.defer(() -> nextBatch.apply(limit))), settings,
				yields);
		long started = System.nanoTime();
		worker.start();
		try {
			Thread.sleep(WATCHED.toMillis());
		}
		finally {
			worker.stop();
		}
		Duration ran = Duration.ofNanos(System.nanoTime() - started);
		assertThat(worker.isRunning()).isFalse();
		return ran;
	}

}
