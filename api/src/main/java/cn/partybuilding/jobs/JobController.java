package cn.partybuilding.jobs;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
 * {@code /admin/jobs}: a system administrator runs a daily job for a date now, exactly as
 * the scheduler would, and follows the run. Only system administrators reach
 * {@code /admin} (security configuration).
 */
@RestController
@RequestMapping("/api/v1")
class JobController {

	/** Longer than any job's name ({@code political-birthdays}, …). */
	static final int JOB_NAME_MAX = 64;

	private final JobRunner runner;

	private final JobRuns runs;

	private final JobViews views;

	JobController(JobRunner runner, JobRuns runs, JobViews views) {
		this.runner = runner;
		this.runs = runs;
		this.views = views;
	}

	@PostMapping("/admin/jobs/{job}/runs")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<RunView> start(@PathVariable @Size(max = JOB_NAME_MAX) String job, @Valid @RequestBody RunRequest body) {
		return Mono.justOrEmpty(this.runner.job(job))
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((dailyJob) -> this.runner.start(dailyJob, body.date()))
			.map(this.views::view);
	}

	@GetMapping("/admin/jobs/{job}/runs/{id}")
	Mono<RunView> get(@PathVariable @Size(max = JOB_NAME_MAX) String job, @PathVariable UUID id) {
		return this.runs.find(job, id).switchIfEmpty(Mono.error(DomainException::notFound)).map(this.views::view);
	}

	record RunRequest(@NotNull LocalDate date) {
	}

}
