package cn.partybuilding.volunteer;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
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

/**
 * Honor hours granted by hand, and the member's own volunteering of a year
 * ({@code /me/volunteer}).
 */
@RestController
@RequestMapping("/api/v1")
class HoursController {

	private final HonorHours honor;

	private final MyVolunteering mine;

	private final Clock clock;

	HoursController(HonorHours honor, MyVolunteering mine, Clock clock) {
		this.honor = honor;
		this.mine = mine;
		this.clock = clock;
	}

	@PostMapping("/volunteer/honor-hours")
	@ApiErrors(ErrorCode.SELF_DECISION)
	Mono<ResponseEntity<HonorView>> grant(@Valid @RequestBody NewHonorHours body, Caller caller) {
		return this.honor.grant(caller, body.memberId(), body.projectId(), body.hours(), body.reason())
			.map((grant) -> ResponseEntity.created(URI.create("/api/v1/volunteer/honor-hours/" + grant.id()))
				.body(view(grant)));
	}

	/**
	 * The year's sign-ups (paged, newest first) with the approved recorded hours and the
	 * honor hours, apart.
	 */
	@GetMapping("/me/volunteer")
	Mono<MyVolunteerView> mine(@RequestParam(
			required = false) @Nullable @Min(MyVolunteering.FIRST_YEAR) @Max(MyVolunteering.LAST_YEAR) Integer year,
			Caller caller, PageRequest page) {
		return this.mine.of(caller.id(), this.mine.year(year), page)
			.map((summary) -> new MyVolunteerView(summary.year(), summary.approvedHours(), summary.honorHours(),
					summary.signups().map(this::view)));
	}

	@GetMapping("/me/volunteer/honor-hours")
	Mono<Page<HonorView>> myHonorHours(@RequestParam(
			required = false) @Nullable @Min(MyVolunteering.FIRST_YEAR) @Max(MyVolunteering.LAST_YEAR) Integer year,
			Caller caller, PageRequest page) {
		return this.mine.honorGrants(caller.id(), this.mine.year(year), page).map((grants) -> grants.map(this::view));
	}

	private HonorView view(HonorGrant grant) {
		return new HonorView(grant.id().toString(), grant.memberId().toString(),
				(grant.projectId() != null) ? grant.projectId().toString() : null, grant.hours(), grant.reason(),
				grant.grantedBy().toString(), local(grant.grantedAt()));
	}

	private MySignupView view(MyVolunteering.Mine mine) {
		Signup signup = mine.signup();
		return new MySignupView(signup.id().toString(), signup.projectId().toString(), mine.projectTitle(),
				local(mine.projectStartsAt()), local(mine.projectEndsAt()), signup.status(), local(signup.signedUpAt()),
				SignupView.local(signup.checkedInAt(), this.clock.getZone()),
				SignupView.local(signup.checkedOutAt(), this.clock.getZone()), signup.recordedHours(),
				signup.audit().approvedHours(), signup.audit().approvalReason());
	}

	private OffsetDateTime local(Instant instant) {
		return instant.atZone(this.clock.getZone()).toOffsetDateTime();
	}

	/**
	 * Hours to grant by hand.
	 *
	 * @param projectId the project they are for, if any
	 * @param hours how many, in half hours (0.5 to 1,000)
	 * @param reason why
	 */
	record NewHonorHours(@NotNull UUID memberId, @Nullable UUID projectId,
			@NotNull @DecimalMin("0.5") @DecimalMax("1000") BigDecimal hours,
			@NotBlank @Size(max = 500) String reason) {
	}

	/**
	 * Honor hours granted.
	 *
	 * @param id the grant
	 * @param projectId the project, if any
	 * @param hours how many
	 * @param reason why
	 * @param grantedBy who granted them
	 * @param grantedAt when
	 */
	record HonorView(String id, String memberId, @Nullable String projectId, BigDecimal hours, String reason,
			String grantedBy, OffsetDateTime grantedAt) {
	}

	/**
	 * A member's volunteering in a year.
	 *
	 * @param year the year (business zone)
	 * @param approvedHours approved hours recorded by check-in and checkout, on projects
	 * of the year
	 * @param honorHours honor hours granted in the year, kept apart
	 * @param signups the year's sign-ups, newest project first
	 */
	record MyVolunteerView(int year, BigDecimal approvedHours, BigDecimal honorHours, Page<MySignupView> signups) {
	}

	/**
	 * One of the member's sign-ups.
	 *
	 * @param id the sign-up
	 * @param status SIGNED_UP, CHECKED_IN, CHECKED_OUT, APPROVED or CANCELLED
	 * @param signedUpAt when signed up
	 * @param checkedInAt when checked in
	 * @param checkedOutAt when checked out
	 * @param recordedHours hours recorded on site
	 * @param approvalReason why fewer hours were approved than recorded
	 */
	record MySignupView(String id, String projectId, String projectTitle, OffsetDateTime projectStartsAt,
			OffsetDateTime projectEndsAt, SignupStatus status, OffsetDateTime signedUpAt,
			@Nullable OffsetDateTime checkedInAt, @Nullable OffsetDateTime checkedOutAt,
			@Nullable BigDecimal recordedHours, @Nullable BigDecimal approvedHours, @Nullable String approvalReason) {
	}

}
