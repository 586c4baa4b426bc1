package cn.partybuilding.jobs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import cn.partybuilding.system.Ids;

/**
 * Starts runs: records them, runs the job in the background with a heartbeat, and records
 * how they ended. On shutdown the runs in flight are cancelled and left as they are:
 * their heartbeat stops, and the scheduler of the next instance to look sees them cut
 * short and runs the date again.
 */
@Component
class JobRunner implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(JobRunner.class);

	private final Map<String, DailyJob> jobs = new LinkedHashMap<>();

	private final JobRuns runs;

	private final JobSettings settings;

	private final Clock clock;

	private volatile Disposable.Composite inFlight = Disposables.composite();

	private volatile boolean running;

	JobRunner(List<DailyJob> jobs, JobRuns runs, JobSettings settings, Clock clock) {
		jobs.forEach((job) -> {
			if (this.jobs.putIfAbsent(job.name(), job) != null) {
				throw new IllegalStateException("Two daily jobs are named " + job.name());
			}
			settings.scheduleOf(job);
		});
		this.runs = runs;
		this.settings = settings;
		this.clock = clock;
	}

	List<DailyJob> jobs() {
		return List.copyOf(this.jobs.values());
	}

	Optional<DailyJob> job(String name) {
		return Optional.ofNullable(this.jobs.get(name));
	}

	/**
	 * Records a new run and starts it in the background; the run as recorded, RUNNING.
	 */
	Mono<JobRun> start(DailyJob job, LocalDate date) {
		return this.runs.insert(Ids.newId(), job.name(), date, this.clock.instant())
			.doOnNext((run) -> execute(job, run));
	}

	private void execute(DailyJob job, JobRun run) {
		logger.info("Job {} for {} started (run {})", job.name(), run.date(), run.id());
		AtomicReference<JobCounts> soFar = new AtomicReference<>(JobCounts.NONE);
		Disposable heartbeat = Flux.interval(this.settings.heartbeat())
			.onBackpressureDrop()
			.concatMap(
					(tick) -> this.runs.heartbeat(run.id(), this.clock.instant()).onErrorResume((ex) -> Mono.empty()),
					0)
			.subscribe();
		AtomicReference<Disposable> self = new AtomicReference<>();
		Disposable work = Mono.defer(() -> job.run(run.date(), (counts) -> {
			soFar.set(counts);
			return this.runs.progress(run.id(), counts, this.clock.instant());
		}))
			.flatMap((counts) -> this.runs.finish(run.id(), JobRun.Status.DONE, counts, "", this.clock.instant())
				.doOnSuccess((done) -> logger.info("Job {} for {} done: {} processed, {} created (run {})", job.name(),
						run.date(), counts.processed(), counts.created(), run.id())))
			.onErrorResume((ex) -> {
				logger.error("Job {} for {} failed (run {})", job.name(), run.date(), run.id(), ex);
				return this.runs.finish(run.id(), JobRun.Status.FAILED,
						Objects.requireNonNull(soFar.get(), "NONE at the start, counts since"),
						ex.getClass().getSimpleName(), this.clock.instant());
			})
			.doFinally((signal) -> {
				heartbeat.dispose();
				Disposable disposable = self.get();
				if (disposable != null) {
					this.inFlight.remove(disposable);
				}
			})
			.subscribe();
		self.set(work);
		if (!work.isDisposed()) {
			this.inFlight.add(work);
		}
	}

	@Override
	public void start() {
		if (this.inFlight.isDisposed()) {
			this.inFlight = Disposables.composite();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.inFlight.dispose();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Cancel runs before the connection pool closes under them.
		return Integer.MAX_VALUE - 100;
	}

}
