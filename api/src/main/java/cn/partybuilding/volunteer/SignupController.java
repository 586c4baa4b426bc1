package cn.partybuilding.volunteer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.security.Caller;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * {@code /volunteer/signups/{id}}: checking in and out, cancelling, making up a checkout,
 * approving the hours.
 */
@RestController
@RequestMapping("/api/v1/volunteer/signups/{id}")
class SignupController {

	private final Signups signups;

	private final OnSiteHours onSite;

	private final HourApprovals approvals;

	private final Clock clock;

	SignupController(Signups signups, OnSiteHours onSite, HourApprovals approvals, Clock clock) {
		this.signups = signups;
		this.onSite = onSite;
		this.approvals = approvals;
		this.clock = clock;
	}

	@PostMapping("/checkin")
	@ApiErrors({ ErrorCode.OUT_OF_GEOFENCE, ErrorCode.PROJECT_NOT_IN_PROGRESS, ErrorCode.PROJECT_NOT_OPEN,
			ErrorCode.ILLEGAL_STATE })
	Mono<SignupView> checkIn(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable OnSite body,
			Caller caller) {
		OnSite position = OnSite.orNone(body);
		return this.onSite.checkIn(caller, id, position.lat(), position.lng()).map(this::view);
	}

	@PostMapping("/checkout")
	@ApiErrors({ ErrorCode.OUT_OF_GEOFENCE, ErrorCode.PROJECT_NOT_IN_PROGRESS, ErrorCode.ILLEGAL_STATE })
	Mono<SignupView> checkOut(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable OnSite body,
			Caller caller) {
		OnSite position = OnSite.orNone(body);
		return this.onSite.checkOut(caller, id, position.lat(), position.lng()).map(this::view);
	}

	@PostMapping("/cancel")
	@ApiErrors(ErrorCode.ILLEGAL_STATE)
	Mono<SignupView> cancel(@PathVariable UUID id, Caller caller) {
		return this.signups.cancel(caller, id).map(this::view);
	}

	@PostMapping("/makeup")
	@ApiErrors({ ErrorCode.MAKEUP_AFTER_PROJECT_END, ErrorCode.ILLEGAL_STATE, ErrorCode.SELF_DECISION })
	Mono<SignupView> makeUp(@PathVariable UUID id, @Valid @RequestBody Makeup body, Caller caller) {
		return this.onSite.makeUp(caller, id, body.checkedOutAt(), body.reason().strip()).map(this::view);
	}

	@PostMapping("/approve")
	@ApiErrors({ ErrorCode.HOURS_ABOVE_RECORDED, ErrorCode.ILLEGAL_STATE, ErrorCode.SELF_DECISION })
	Mono<SignupView> approve(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable Approval body,
			Caller caller) {
		Approval approval = (body != null) ? body : new Approval(null, null);
		return this.approvals.approve(caller, id, approval.hours(), approval.reason()).map(this::view);
	}

	private SignupView view(Signup signup) {
		return SignupView.of(signup, null, this.clock.getZone());
	}

	/**
	 * Where the volunteer is, needed when the project has a location; only the distance
	 * from it is kept.
	 *
	 * @param lng longitude
	 */
	record OnSite(@Nullable @DecimalMin("-90") @DecimalMax("90") Double lat,
			@Nullable @DecimalMin("-180") @DecimalMax("180") Double lng) {

		static OnSite orNone(@Nullable OnSite body) {
			return (body != null) ? body : new OnSite(null, null);
		}

		@Override
		public String toString() {
			return "OnSite[position hidden]";
		}

	}

	/**
	 * A forgotten checkout, put by the secretary.
	 *
	 * @param checkedOutAt when the volunteer left: after the check-in, not after the
	 * project's end, not in the future
	 * @param reason why by hand
	 */
	record Makeup(@NotNull Instant checkedOutAt, @NotBlank @Size(max = 200) String reason) {
	}

	/**
	 * The secretary's approval.
	 *
	 * @param hours the hours to approve, in half hours; the recorded ones when absent,
	 * never more
	 * @param reason why fewer than recorded (required then)
	 */
	record Approval(@Nullable @DecimalMin("0") @DecimalMax("1000") BigDecimal hours,
			@Nullable @Size(max = 500) String reason) {
	}

}
