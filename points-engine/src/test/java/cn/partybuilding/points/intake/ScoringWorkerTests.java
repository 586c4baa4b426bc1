package cn.partybuilding.points.intake;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import cn.partybuilding.points.PointsSettings;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringWorkerTests {

	private static final int BATCH = 100;

	private static final Duration POLL = Duration.ofMillis(100);

	private static final Duration WATCHED = Duration.ofMillis(600);

	@Test
	void aBatchThatWasNotFullIsFollowedByAWaitSoThatTheNextOneGathersMore() throws InterruptedException {
		// Two workers, each batch scoring a few events (a trickle of check-ins): each looks again once per poll.
		AtomicInteger batches = new AtomicInteger();
		run(() -> {
			batches.incrementAndGet();
			return Mono.just(3);
		});
		// Without the wait the two loops would run thousands of small transactions in the same time.
		assertThat(batches.get()).isBetween(2, 2 * (int) (WATCHED.toMillis() / POLL.toMillis() + 2));
	}

	@Test
	void nothingToScoreWaitsToo() throws InterruptedException {
		AtomicInteger batches = new AtomicInteger();
		run(() -> {
			batches.incrementAndGet();
			return Mono.just(0);
		});
		assertThat(batches.get()).isBetween(2, 2 * (int) (WATCHED.toMillis() / POLL.toMillis() + 2));
	}

	@Test
	void aFullBatchIsFollowedAtOnce() throws InterruptedException {
		// A backlog: every batch is full, so the workers drain it without pausing.
		AtomicInteger batches = new AtomicInteger();
		run(() -> {
			batches.incrementAndGet();
			return Mono.just(BATCH);
		});
		assertThat(batches.get()).isGreaterThan(100);
	}

	private static void run(java.util.function.Supplier<Mono<Integer>> nextBatch) throws InterruptedException {
		PointsSettings settings = new PointsSettings(true, POLL, BATCH, 2, 10, Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofSeconds(30),
				new PointsSettings.Grading(new BigDecimal("90"), new BigDecimal("60"), new BigDecimal("40"),
						new BigDecimal("0.2")));
		// A batch takes a millisecond, as a transaction would (and as the loop expects: it never spins on the caller).
		ScoringWorker worker = new ScoringWorker(() -> Mono.delay(Duration.ofMillis(1)).then(Mono.defer(nextBatch)),
				settings);
		worker.start();
		try {
			Thread.sleep(WATCHED.toMillis());
		}
		finally {
			worker.stop();
		}
		assertThat(worker.isRunning()).isFalse();
	}

}
