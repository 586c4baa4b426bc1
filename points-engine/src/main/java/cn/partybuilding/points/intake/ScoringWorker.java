package cn.partybuilding.points.intake;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import cn.partybuilding.points.PointsSettings;

/**
 * Keeps scoring on instances with workers enabled: {@code workers} loops, each scoring batch after batch. A full batch
 * means more is waiting, so the loop goes on at once; after a batch that was not full (or empty) it waits
 * {@code pollInterval} before looking again, so that what arrives meanwhile is scored together. Points still appear
 * well within a second, and at a steady trickle of check-ins the workers run a few large transactions rather than
 * one per event or two, which would take the database's and the server's time from the check-ins themselves.
 * Started with the application and stopped before the database connections close; a batch cut off by the stop is
 * rolled back and scored again by whichever worker comes next.
 */
@Component
class ScoringWorker implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ScoringWorker.class);

	/** Scores the next batch, giving how many events it scored. */
	private final Supplier<Mono<Integer>> nextBatch;

	private final PointsSettings settings;

	private volatile @Nullable Disposable running;

	@Autowired
	ScoringWorker(ScoringBatches batches, PointsSettings settings) {
		this(batches::scoreNextBatch, settings);
	}

	ScoringWorker(Supplier<Mono<Integer>> nextBatch, PointsSettings settings) {
		this.nextBatch = nextBatch;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		if (!this.settings.workersEnabled() || this.running != null) {
			return;
		}
		int workers = this.settings.workers();
		this.running = Flux.range(0, workers).flatMap((i) -> loop(), workers).subscribe();
	}

	@Override
	public synchronized void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
			this.running = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	private Mono<Void> loop() {
		Duration idle = this.settings.pollInterval();
		int full = this.settings.batchSize();
		return Mono.defer(this.nextBatch)
			.flatMap((scored) -> (scored >= full) ? Mono.<Void>empty() : Mono.delay(idle).then())
			.onErrorResume((ex) -> {
				logger.warn("Points scoring could not run ({}); trying again shortly", ex.getClass().getName());
				return Mono.delay(idle.multipliedBy(10)).then();
			})
			.repeat()
			.then();
	}

}
