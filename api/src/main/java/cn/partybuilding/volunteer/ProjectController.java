package cn.partybuilding.volunteer;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.activity.Venue;
import cn.partybuilding.member.MemberNames;
import cn.partybuilding.security.Caller;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * {@code /volunteer/projects}: publishing, listing, closing and cancelling projects, and
 * signing up for them.
 */
@RestController
@RequestMapping("/api/v1/volunteer/projects")
class ProjectController {

	private final Projects projects;

	private final Signups signups;

	private final MemberNames names;

	private final Clock clock;

	ProjectController(Projects projects, Signups signups, MemberNames names, Clock clock) {
		this.projects = projects;
		this.signups = signups;
		this.names = names;
		this.clock = clock;
	}

	@PostMapping
	Mono<ResponseEntity<ProjectView>> publish(@Valid @RequestBody NewProject body, Caller caller) {
		return this.projects.publish(caller, body)
			.map((project) -> ResponseEntity.created(URI.create("/api/v1/volunteer/projects/" + project.id()))
				.body(view(project)));
	}

	/**
	 * Every member's list: {@code status} (default OPEN), {@code orgId} for a unit's
	 * subtree, {@code near=lat,lng} for nearest first; otherwise the caller's own units'
	 * projects first.
	 */
	@GetMapping
	Mono<Page<ProjectView>> list(@RequestParam(required = false) @Nullable UUID orgId,
			@RequestParam(required = false) @Nullable ProjectStatus status,
			@RequestParam(required = false) @Nullable @Size(max = 64) String near, Caller caller, PageRequest page) {
		Instant now = this.clock.instant();
		return this.projects.list(caller, orgId, status, near, page)
			.map((result) -> result.map((listed) -> ProjectView.listed(listed, now, this.clock.getZone())));
	}

	@GetMapping("/{id}")
	Mono<ProjectView> get(@PathVariable UUID id) {
		return this.projects.get(id).map(this::view);
	}

	@PostMapping("/{id}/close")
	@ApiErrors(ErrorCode.ILLEGAL_STATE)
	Mono<ProjectView> close(@PathVariable UUID id, Caller caller) {
		return this.projects.decide(caller, id, ProjectStatus.Action.CLOSE).map(this::view);
	}

	@PostMapping("/{id}/cancel")
	@ApiErrors(ErrorCode.ILLEGAL_STATE)
	Mono<ProjectView> cancel(@PathVariable UUID id, Caller caller) {
		return this.projects.decide(caller, id, ProjectStatus.Action.CANCEL).map(this::view);
	}

	/**
	 * 201 when a place was taken for the caller, 200 with the same sign-up when they had
	 * one.
	 */
	@PostMapping("/{id}/signups")
	@ApiErrors({ ErrorCode.PROJECT_FULL, ErrorCode.PROJECT_NOT_OPEN })
	Mono<ResponseEntity<SignupView>> signUp(@PathVariable UUID id, Caller caller) {
		return this.signups.signUp(caller, id)
			.map((recorded) -> ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(SignupView.of(recorded.signup(), null, this.clock.getZone())));
	}

	@GetMapping("/{id}/signups")
	Mono<Page<SignupView>> signups(@PathVariable UUID id, Caller caller, PageRequest page) {
		return this.signups.ofProject(caller, id, page)
			.flatMap((result) -> this.names.namesOf(result.items().stream().map(Signup::memberId).toList())
				.map((named) -> result
					.map((signup) -> SignupView.of(signup, named.get(signup.memberId()), this.clock.getZone()))));
	}

	private ProjectView view(Project project) {
		return ProjectView.of(project, this.clock.instant(), this.clock.getZone());
	}

	/**
	 * A project to publish.
	 *
	 * @param orgId the unit publishing and running it
	 * @param description what volunteers do
	 * @param category e.g. 助老助残, 环境整治, 文明宣传
	 * @param location where, if volunteers check in and out at a place
	 * @param endsAt end, at most 24 hours after the start and not past
	 * @param slots how many volunteers it takes, 1 to 10,000
	 */
	record NewProject(@NotNull UUID orgId, @NotBlank @Size(max = 100) String title,
			@NotNull @Size(max = 2000) String description, @NotBlank @Size(max = 30) String category,
			@Valid @Nullable LocationRequest location, @NotNull Instant startsAt, @NotNull Instant endsAt,
			@NotNull @Min(1) @Max(10_000) Integer slots) {

		@Nullable Venue locationOrNull() {
			return (this.location == null) ? null : this.location.toVenue();
		}

	}

	/**
	 * Where volunteers serve.
	 *
	 * @param name name of the place
	 * @param lng longitude
	 * @param radiusMeters how far from the point a check-in or checkout counts, 1 to
	 * 5,000 metres
	 */
	record LocationRequest(@NotBlank @Size(max = 100) String name,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double lng,
			@NotNull @Min(1) @Max(5000) Integer radiusMeters) {

		Venue toVenue() {
			return new Venue(this.name.strip(), this.lat, this.lng, this.radiusMeters);
		}

	}

}
