package cn.partybuilding.activity;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
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

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.security.Caller;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.ErrorCode;

/** {@code /activities}: planning, approving and listing activities. */
@RestController
@RequestMapping("/api/v1")
class ActivityController {

	private final ActivityService activities;

	private final ActivityViews views;

	ActivityController(ActivityService activities, ActivityViews views) {
		this.activities = activities;
		this.views = views;
	}

	@PostMapping("/activities")
	Mono<ResponseEntity<ActivityView>> create(@Valid @RequestBody NewActivity body, Caller caller) {
		return this.activities.create(caller, body)
			.map((activity) -> ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id()))
				.body(this.views.view(activity)));
	}

	@GetMapping("/activities/{id}")
	Mono<ActivityView> get(@PathVariable UUID id, Caller caller) {
		return this.activities.get(caller, id).map(this.views::view);
	}

	@PostMapping("/activities/{id}/approve")
	@ApiErrors({ ErrorCode.ILLEGAL_STATE, ErrorCode.SELF_DECISION })
	Mono<ActivityView> approve(@PathVariable UUID id, Caller caller) {
		return this.activities.decide(caller, id, ActivityStatus.Action.APPROVE, null).map(this.views::view);
	}

	@PostMapping("/activities/{id}/reject")
	@ApiErrors({ ErrorCode.ILLEGAL_STATE, ErrorCode.SELF_DECISION })
	Mono<ActivityView> reject(@PathVariable UUID id, @Valid @RequestBody Reason body, Caller caller) {
		return this.activities.decide(caller, id, ActivityStatus.Action.REJECT, body.reason()).map(this.views::view);
	}

	@PostMapping("/activities/{id}/cancel")
	@ApiErrors(ErrorCode.ILLEGAL_STATE)
	Mono<ActivityView> cancel(@PathVariable UUID id, Caller caller) {
		return this.activities.decide(caller, id, ActivityStatus.Action.CANCEL, null).map(this.views::view);
	}

	@GetMapping("/orgs/{id}/activities")
	Mono<Page<ActivityView>> inOrg(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable ActivityType type, Caller caller, PageRequest page) {
		return this.activities.inOrg(caller, id, from, to, type, page).map((result) -> result.map(this.views::view));
	}

	/**
	 * An activity to plan (a secretary) or propose (a member).
	 *
	 * @param orgId the unit holding it; its subtree is invited
	 * @param type the kind of meeting
	 * @param venue where, needed for check-in by position
	 * @param checkInMethods QR, GEO or both; when left out, QR and GEO for the 三会一课
	 * (BRANCH_ASSEMBLY, COMMITTEE_MEETING, GROUP_MEETING, PARTY_LECTURE; a venue is then
	 * needed) and QR for the others
	 * @param checkInOpensAt when check-in opens (default 30 minutes before the start)
	 * @param checkInClosesAt when check-in closes (default at the end)
	 */
	record NewActivity(@NotNull UUID orgId, @NotNull ActivityType type, @NotBlank @Size(max = 100) String title,
			@NotNull Instant startsAt, @NotNull Instant endsAt, @Valid @Nullable VenueRequest venue,
			@Nullable @Size(max = 2) Set<@NotNull CheckInMethod> checkInMethods, @Nullable Instant checkInOpensAt,
			@Nullable Instant checkInClosesAt) {

		@Nullable Venue venueOrNull() {
			return (this.venue == null) ? null : this.venue.toVenue();
		}

	}

	/**
	 * Where an activity takes place.
	 *
	 * @param name name of the place
	 * @param lng longitude
	 * @param radiusMeters how far from the point a check-in counts, 1 to 5,000 metres
	 */
	record VenueRequest(@NotBlank @Size(max = 100) String name,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double lng,
			@NotNull @Min(1) @Max(5000) Integer radiusMeters) {

		Venue toVenue() {
			return new Venue(this.name, this.lat, this.lng, this.radiusMeters);
		}

	}

	/**
	 * Why.
	 *
	 * @param reason the reason, shown to the member
	 */
	record Reason(@NotBlank @Size(max = 500) String reason) {
	}

}
