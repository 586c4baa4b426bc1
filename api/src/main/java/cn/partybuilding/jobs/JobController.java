package cn.partybuilding.jobs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.web.problem.DomainException;

/**
 * {@code /admin/jobs}: a system administrator runs a daily job for a date now, exactly as the scheduler would, and
 * follows the run. Only system administrators reach {@code /admin} (security configuration).
 */
@RestController
@RequestMapping("/api/v1")
class JobController {

	/** Longer than any job's name ({@code political-birthdays}, …). */
	static final int JOB_NAME_MAX = 64;

	private final JobRunner runner;

	private final JobRuns runs;

	private final Clock clock;

	JobController(JobRunner runner, JobRuns runs, Clock clock) {
		this.runner = runner;
		this.runs = runs;
		this.clock = clock;
	}

	@PostMapping("/admin/jobs/{job}/runs")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<RunView> start(@PathVariable @Size(max = JOB_NAME_MAX) String job, @Valid @RequestBody RunRequest body) {
		return Mono.justOrEmpty(this.runner.job(job))
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((dailyJob) -> this.runner.start(dailyJob, body.date()))
			.map(this::view);
	}

	@GetMapping("/admin/jobs/{job}/runs/{id}")
	Mono<RunView> get(@PathVariable @Size(max = JOB_NAME_MAX) String job, @PathVariable UUID id) {
		return this.runs.find(job, id).switchIfEmpty(Mono.error(DomainException::notFound)).map(this::view);
	}

	private RunView view(JobRun run) {
		return new RunView(run.id().toString(), run.job(), run.date(), run.status().name(), run.processed(),
				run.created(), at(run.startedAt()), (run.finishedAt() != null) ? at(run.finishedAt()) : null);
	}

	private OffsetDateTime at(java.time.Instant instant) {
		return instant.atZone(this.clock.getZone()).toOffsetDateTime();
	}

	record RunRequest(@NotNull LocalDate date) {
	}

	record RunView(String id, String job, LocalDate date, String status, long processed, long created,
			OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt) {
	}

}
