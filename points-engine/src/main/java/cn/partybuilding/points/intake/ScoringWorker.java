package cn.partybuilding.points.intake;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import cn.partybuilding.points.PointsSettings;

/**
 * Keeps scoring on instances with workers enabled: {@code workers} loops, each draining the queue batch after batch
 * while there is work and looking again every {@code pollInterval} when there is none, so points appear well within
 * a second. Started with the application and stopped before the database connections close; a batch cut off by
 * the stop is rolled back and scored again by whichever worker comes next.
 */
@Component
class ScoringWorker implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ScoringWorker.class);

	private final ScoringBatches batches;

	private final PointsSettings settings;

	private volatile @Nullable Disposable running;

	ScoringWorker(ScoringBatches batches, PointsSettings settings) {
		this.batches = batches;
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
		return Mono.defer(this.batches::scoreNextBatch)
			.flatMap((scored) -> (scored > 0) ? Mono.<Void>empty() : Mono.delay(idle).then())
			.onErrorResume((ex) -> {
				logger.warn("Points scoring could not run ({}); trying again shortly", ex.getClass().getName());
				return Mono.delay(idle.multipliedBy(10)).then();
			})
			.repeat()
			.then();
	}

}
