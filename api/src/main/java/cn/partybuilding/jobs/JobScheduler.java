package cn.partybuilding.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts each job once its local time has come on its day, on every instance where
 * {@code party.jobs.enabled}: every tick (the first right at start-up, which is the
 * catch-up after all instances were down) it looks at the latest run of each due job for
 * today and starts one when there is none, when the latest was cut short (its heartbeat
 * stopped), or when it failed a while ago. Two instances may both start one at the same
 * moment: the jobs fence their effects, so the second changes nothing. It begins once the
 * application is ready, after start-up work such as loading the demo district, so the
 * first run of the day sees the members that start-up created.
 */
@Component
class JobScheduler implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(JobScheduler.class);

	private final JobRunner runner;

	private final JobRuns runs;

	private final JobSettings settings;

	private final Clock clock;

	private volatile Disposable loop = Disposables.disposed();

	JobScheduler(JobRunner runner, JobRuns runs, JobSettings settings, Clock clock) {
		this.runner = runner;
		this.runs = runs;
		this.settings = settings;
		this.clock = clock;
	}

	private volatile boolean started;

	@Override
	public void start() {
		this.started = true;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!this.settings.enabled() || !this.started || !this.loop.isDisposed()) {
			return;
		}
		this.loop = Flux.interval(java.time.Duration.ZERO, this.settings.tick())
			.onBackpressureDrop()
			.concatMap((tick) -> tick().onErrorResume((ex) -> {
				logger.warn("Looking for due jobs failed; looking again at the next tick", ex);
				return Mono.empty();
			}), 0)
			.subscribe();
	}

	/** Starts every due job that has no live or finished run for today. */
	Mono<Void> tick() {
		LocalDateTime now = LocalDateTime.now(this.clock);
		return Flux.fromIterable(this.runner.jobs())
			.filter((job) -> this.settings.scheduleOf(job).isDue(now))
			.concatMap((job) -> catchUp(job, now.toLocalDate()))
			.then();
	}

	private Mono<Void> catchUp(DailyJob job, LocalDate today) {
		Instant now = this.clock.instant();
		return this.runs.latest(job.name(), today).flatMap((run) -> switch (run.status()) {
			case DONE -> Mono.just(false);
			case RUNNING -> this.runs.abandon(run.id(), now.minus(this.settings.staleAfter()), now);
			case FAILED -> Mono.just(
					run.finishedAt() == null || run.finishedAt().isBefore(now.minus(this.settings.retryFailedAfter())));
		}).defaultIfEmpty(true).filter(Boolean::booleanValue).flatMap((due) -> this.runner.start(job, today)).then();
	}

	@Override
	public void stop() {
		this.loop.dispose();
		this.started = false;
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 50;
	}

}
