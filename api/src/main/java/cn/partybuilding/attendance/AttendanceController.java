package cn.partybuilding.attendance;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.activity.Activities;
import cn.partybuilding.activity.Activity;
import cn.partybuilding.activity.ActivityAccess;
import cn.partybuilding.attendance.LeaveRequest.LeaveStatus;
import cn.partybuilding.checkin.CheckInCodes;
import cn.partybuilding.checkin.DeviceIds;
import cn.partybuilding.checkin.Presence;
import cn.partybuilding.member.Memberships;
import cn.partybuilding.security.Caller;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Check-in codes, check-ins, the attendance sheet, leave, and the member's own
 * activities.
 */
@RestController
@RequestMapping("/api/v1")
class AttendanceController {

	private final CheckIns checkIns;

	private final Leaves leaves;

	private final AttendanceSheet sheets;

	private final MyActivities mine;

	private final ActivityAccess access;

	private final Activities activities;

	private final Memberships memberships;

	private final Clock clock;

	AttendanceController(CheckIns checkIns, Leaves leaves, AttendanceSheet sheets, MyActivities mine,
			ActivityAccess access, Activities activities, Memberships memberships, Clock clock) {
		this.checkIns = checkIns;
		this.leaves = leaves;
		this.sheets = sheets;
		this.mine = mine;
		this.access = access;
		this.activities = activities;
		this.memberships = memberships;
		this.clock = clock;
	}

	/**
	 * The code of the moment for the QR code on the secretary's screen, and until when it
	 * is accepted.
	 */
	@GetMapping("/activities/{id}/checkin-code")
	Mono<Code> code(@PathVariable UUID id, Caller caller) {
		Instant now = this.clock.instant();
		return this.access.requireAdministered(caller, id)
			.then(this.activities.findWithSecret(id))
			.map((loaded) -> CheckInCodes.shown(loaded.codeSecret(), id, now))
			.map((shown) -> new Code(shown.code(), local(shown.expiresAt())));
	}

	/**
	 * Checks the caller in from the device named by {@code X-Device-Id} (the app's
	 * install id): one device checks in one member per activity.
	 */
	@PostMapping("/activities/{id}/checkins")
	@ApiErrors({ ErrorCode.CHECKIN_CODE_INVALID, ErrorCode.CHECKIN_CODE_EXPIRED, ErrorCode.OUT_OF_GEOFENCE,
			ErrorCode.CHECKIN_WINDOW_CLOSED, ErrorCode.NOT_INVITED, ErrorCode.ACTIVITY_NOT_OPEN,
			ErrorCode.DEVICE_ALREADY_USED })
	Mono<ResponseEntity<CheckInView>> checkIn(@PathVariable UUID id, @Valid @RequestBody CheckInRequest body,
			@RequestHeader(DeviceIds.HEADER) @Parameter(description = DeviceIds.DESCRIPTION,
					schema = @Schema(minLength = 1, maxLength = DeviceIds.MAX_LENGTH)) String deviceId,
			Caller caller) {
		return this.checkIns.checkIn(caller, id, new Presence.Presented(body.code(), body.lat(), body.lng()), deviceId)
			.map(this::answer);
	}

	@PostMapping("/activities/{id}/checkins:manual")
	@ApiErrors({ ErrorCode.NOT_INVITED, ErrorCode.ACTIVITY_NOT_OPEN, ErrorCode.CHECKIN_WINDOW_CLOSED,
			ErrorCode.SELF_DECISION })
	Mono<ResponseEntity<CheckInView>> checkInByHand(@PathVariable UUID id, @Valid @RequestBody ManualCheckIn body,
			Caller caller) {
		return this.memberships.branchOf(body.memberId())
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((branch) -> this.checkIns.recordByHand(caller, id, body.memberId(), branch, body.reason().trim()))
			.map(this::answer);
	}

	@GetMapping("/activities/{id}/attendance")
	Mono<AttendanceView> attendance(@PathVariable UUID id, Caller caller) {
		return this.sheets.of(caller, id)
			.map((sheet) -> new AttendanceView(sheet.invited(), sheet.checkedIn(), sheet.onLeave(), sheet.absent(),
					sheet.rate(), sheet.positionOnly(),
					sheet.members()
						.stream()
						.map((row) -> new AttendeeView(row.memberId().toString(), row.name(), row.state(),
								(row.checkedInAt() != null) ? local(row.checkedInAt()) : null, row.method(),
								row.positionOnly()))
						.toList()));
	}

	@PostMapping("/activities/{id}/leave-requests")
	@ApiErrors({ ErrorCode.NOT_INVITED, ErrorCode.ACTIVITY_NOT_OPEN, ErrorCode.LEAVE_TOO_LATE })
	Mono<ResponseEntity<LeaveView>> askLeave(@PathVariable UUID id, @Valid @RequestBody LeaveAsked body,
			Caller caller) {
		return this.leaves.ask(caller, id, body.reason())
			.map((asked) -> asked.created()
					? ResponseEntity.created(URI.create("/api/v1/leave-requests/" + asked.request().id()))
						.body(view(asked.request()))
					: ResponseEntity.ok(view(asked.request())));
	}

	@GetMapping("/activities/{id}/leave-requests")
	Mono<Page<LeaveView>> leaveRequests(@PathVariable UUID id, Caller caller, PageRequest page) {
		return this.leaves.ofActivity(caller, id, page).map((result) -> result.map(this::view));
	}

	@PostMapping("/leave-requests/{id}/approve")
	@ApiErrors({ ErrorCode.ILLEGAL_STATE, ErrorCode.SELF_DECISION })
	Mono<LeaveView> approveLeave(@PathVariable UUID id, Caller caller) {
		return this.leaves.decide(caller, id, LeaveStatus.APPROVED, null).map(this::view);
	}

	@PostMapping("/leave-requests/{id}/reject")
	@ApiErrors({ ErrorCode.ILLEGAL_STATE, ErrorCode.SELF_DECISION })
	Mono<LeaveView> rejectLeave(@PathVariable UUID id, @Valid @RequestBody LeaveRejected body, Caller caller) {
		return this.leaves.decide(caller, id, LeaveStatus.REJECTED, body.reason()).map(this::view);
	}

	@GetMapping("/me/activities")
	Mono<Page<MyActivityView>> myActivities(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, Caller caller, PageRequest page) {
		return this.mine.of(caller, from, to, page).map((result) -> result.map((item) -> {
			Activity activity = item.activity();
			return new MyActivityView(activity.id().toString(), activity.orgId().toString(), activity.type().name(),
					activity.title(), local(activity.startsAt()), local(activity.endsAt()), activity.status().name(),
					item.myState());
		}));
	}

	private ResponseEntity<CheckInView> answer(CheckIns.Recorded recorded) {
		CheckIn checkIn = recorded.checkIn();
		CheckInView view = new CheckInView(checkIn.id().toString(), checkIn.activityId().toString(),
				checkIn.memberId().toString(), local(checkIn.checkedInAt()), checkIn.method(),
				checkIn.distanceMeters());
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view);
	}

	private LeaveView view(LeaveRequest request) {
		return new LeaveView(request.id().toString(), request.activityId().toString(), request.memberId().toString(),
				request.reason(), request.status(), local(request.createdAt()),
				(request.decidedAt() != null) ? local(request.decidedAt()) : null, request.decisionReason());
	}

	private OffsetDateTime local(Instant instant) {
		return instant.atZone(this.clock.getZone()).toOffsetDateTime();
	}

	/**
	 * The current check-in code, for the QR code on the secretary's screen.
	 *
	 * @param expiresAt until when it is accepted: the end of the 30 s window after the
	 * current one
	 */
	record Code(String code, OffsetDateTime expiresAt) {
	}

	/**
	 * Checking in: the code scanned and/or the position, as the activity's methods ask.
	 *
	 * @param code the scanned code
	 * @param lng longitude
	 */
	record CheckInRequest(@Nullable @Size(max = 32) String code,
			@Nullable @DecimalMin("-90") @DecimalMax("90") Double lat,
			@Nullable @DecimalMin("-180") @DecimalMax("180") Double lng) {

		@Override
		public String toString() {
			return "CheckInRequest[position hidden]";
		}

	}

	/**
	 * A check-in recorded by the secretary.
	 *
	 * @param memberId the member who is present
	 * @param reason why by hand (no phone, …)
	 */
	record ManualCheckIn(@NotNull UUID memberId, @NotBlank @Size(max = 200) String reason) {
	}

	/**
	 * A check-in.
	 *
	 * @param id the check-in
	 * @param checkedInAt when
	 * @param method QR, GEO, QR_GEO or MANUAL
	 * @param distanceMeters how far from the venue, for checks by position
	 */
	record CheckInView(String id, String activityId, String memberId, OffsetDateTime checkedInAt, String method,
			@Nullable Integer distanceMeters) {
	}

	/**
	 * The attendance sheet.
	 *
	 * @param invited invited members
	 * @param onLeave excused
	 * @param absent neither
	 * @param rate checked in / invited
	 * @param positionOnly how many of those checked in proved it by position alone,
	 * without the code (a GEO-only activity): the venue's coordinates are no proof of
	 * being there
	 * @param members each member's state
	 */
	record AttendanceView(int invited, int checkedIn, int onLeave, int absent, double rate, int positionOnly,
			List<AttendeeView> members) {
	}

	/**
	 * A member on the sheet.
	 *
	 * @param state CHECKED_IN, ON_LEAVE or ABSENT
	 * @param checkedInAt when, if checked in
	 * @param method how, if checked in: QR, GEO, QR_GEO or MANUAL
	 * @param positionOnly checked in by position alone (GEO), without the code
	 */
	record AttendeeView(String memberId, String name, String state, @Nullable OffsetDateTime checkedInAt,
			@Nullable String method, boolean positionOnly) {
	}

	/**
	 * Asking for leave.
	 *
	 * @param reason why
	 */
	record LeaveAsked(@NotBlank @Size(max = 500) String reason) {
	}

	/**
	 * Refusing leave.
	 *
	 * @param reason why, shown to the member
	 */
	record LeaveRejected(@NotBlank @Size(max = 500) String reason) {
	}

	/**
	 * A leave request.
	 *
	 * @param id the request
	 * @param reason why
	 * @param status PENDING, APPROVED or REJECTED
	 * @param createdAt when asked
	 * @param decidedAt when decided
	 * @param decisionReason why rejected
	 */
	record LeaveView(String id, String activityId, String memberId, String reason, LeaveStatus status,
			OffsetDateTime createdAt, @Nullable OffsetDateTime decidedAt, @Nullable String decisionReason) {
	}

	/**
	 * An activity the member is invited to.
	 *
	 * @param id the activity
	 * @param orgId its unit
	 * @param type the kind of meeting
	 * @param status the activity's status
	 * @param myState NOT_CHECKED_IN, CHECKED_IN, ON_LEAVE, LEAVE_PENDING or ABSENT
	 */
	record MyActivityView(String id, String orgId, String type, String title, OffsetDateTime startsAt,
			OffsetDateTime endsAt, String status, String myState) {
	}

}
