package cn.partybuilding.points.web;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import cn.partybuilding.org.Orgs;
import cn.partybuilding.points.recalculation.RecalculationJob;
import cn.partybuilding.points.recalculation.RecalculationStatus;
import cn.partybuilding.points.recalculation.Recalculations;
import cn.partybuilding.security.Caller;
import cn.partybuilding.web.problem.DomainException;

/**
 * {@code /points/recalculations}: replays a year under the rules now in force as
 * compensating entries (nothing is deleted; a second run changes nothing), in the
 * background; the job shows its progress.
 */
@RestController
@RequestMapping("/api/v1")
class RecalculationsController {

	private final Recalculations recalculations;

	private final Orgs orgs;

	private final PointsYears years;

	RecalculationsController(Recalculations recalculations, Orgs orgs, PointsYears years) {
		this.recalculations = recalculations;
		this.orgs = orgs;
		this.years = years;
	}

	@PostMapping("/points/recalculations")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<JobView> start(Caller caller, @Valid @RequestBody NewRecalculation body) {
		requireSysAdmin(caller);
		UUID orgId = body.orgId();
		Mono<Void> orgExists = (orgId != null)
				? this.orgs.find(orgId).switchIfEmpty(Mono.error(DomainException::notFound)).then() : Mono.empty();
		return orgExists.then(Mono.defer(() -> this.recalculations.start(body.year(), orgId, caller.id())))
			.map(this::view);
	}

	@GetMapping("/points/recalculations/{id}")
	Mono<JobView> find(Caller caller, @PathVariable UUID id) {
		requireSysAdmin(caller);
		return this.recalculations.find(id).switchIfEmpty(Mono.error(DomainException::notFound)).map(this::view);
	}

	private static void requireSysAdmin(Caller caller) {
		if (!caller.isSysAdmin()) {
			throw DomainException.forbidden();
		}
	}

	private JobView view(RecalculationJob job) {
		return new JobView(job.id().toString(), job.year(), (job.orgId() != null) ? job.orgId().toString() : null,
				job.status(), job.processed(), job.total(), job.compensations(), this.years.local(job.startedAt()),
				(job.finishedAt() != null) ? this.years.local(job.finishedAt()) : null);
	}

	record NewRecalculation(@NotNull @Min(PointsYears.FIRST) @Max(PointsYears.LAST) Integer year,
			@Nullable UUID orgId) {
	}

	record JobView(String id, int year, @Nullable String orgId, RecalculationStatus status, int processed, int total,
			int compensations, OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt) {
	}

}
