package cn.partybuilding.reservation;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.checkin.DeviceIds;
import cn.partybuilding.checkin.Presence;
import cn.partybuilding.personaldata.PhoneNumbers;
import cn.partybuilding.security.Caller;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * {@code /reservations}: booking base slots for a branch, and what happens to the
 * bookings.
 */
@RestController
@RequestMapping("/api/v1/reservations")
class ReservationController {

	private final Bookings bookings;

	private final ReservationLifecycle lifecycle;

	private final ReservationQueries queries;

	private final BaseCheckIns checkIns;

	private final ZoneId zone;

	ReservationController(Bookings bookings, ReservationLifecycle lifecycle, ReservationQueries queries,
			BaseCheckIns checkIns, Clock clock) {
		this.bookings = bookings;
		this.lifecycle = lifecycle;
		this.queries = queries;
		this.checkIns = checkIns;
		this.zone = clock.getZone();
	}

	@PostMapping
	@ApiErrors({ ErrorCode.SLOT_INVALID, ErrorCode.SLOT_FULL, ErrorCode.SLOT_PASSED, ErrorCode.PAST_CLOSING,
			ErrorCode.MENU_ITEM_UNKNOWN, ErrorCode.HEADCOUNT_OVER_CAPACITY, ErrorCode.BRANCH_REQUIRED,
			ErrorCode.BOOKING_BEYOND_HORIZON, ErrorCode.TOO_MANY_PENDING_BOOKINGS })
	Mono<ResponseEntity<ReservationView>> book(@Valid @RequestBody BookingRequest body, Caller caller) {
		String phone = PhoneNumbers.normalize(body.contactPhone())
			.orElseThrow(() -> DomainException.invalid(Violation.of("contactPhone", "phone")));
		NewReservation booking = new NewReservation(Ids.newId(), body.baseId(), body.orgId(), body.start().toInstant(),
				body.headcount(), (body.menuItemIds() != null) ? body.menuItemIds() : List.of(), body.channel(),
				body.contactName().trim(), phone);
		return this.bookings.book(caller, booking)
			.map((reservation) -> ResponseEntity.created(URI.create("/api/v1/reservations/" + reservation.id()))
				.body(ReservationView.of(reservation, true, this.zone)));
	}

	@GetMapping
	Mono<Page<ReservationView>> list(@RequestParam(required = false) @Nullable UUID baseId,
			@RequestParam(required = false) @Nullable UUID orgId,
			@RequestParam(required = false) @Nullable ReservationStatus status, Caller caller, PageRequest page) {
		return this.queries.list(caller, baseId, orgId, status, page);
	}

	@GetMapping("/{id}")
	Mono<ReservationView> get(@PathVariable UUID id, Caller caller) {
		return this.queries.get(caller, id);
	}

	@PostMapping("/{id}/approve")
	@ApiErrors({ ErrorCode.ILLEGAL_STATE, ErrorCode.SELF_DECISION })
	Mono<ReservationView> approve(@PathVariable UUID id, Caller caller) {
		return this.lifecycle.approve(caller, id).flatMap((reservation) -> this.queries.view(caller, reservation));
	}

	@PostMapping("/{id}/reject")
	@ApiErrors({ ErrorCode.ILLEGAL_STATE, ErrorCode.SELF_DECISION })
	Mono<ReservationView> reject(@PathVariable UUID id, @Valid @RequestBody RejectRequest body, Caller caller) {
		return this.lifecycle.reject(caller, id, body.reason().trim())
			.flatMap((reservation) -> this.queries.view(caller, reservation));
	}

	@PostMapping("/{id}/cancel")
	@ApiErrors(ErrorCode.ILLEGAL_STATE)
	Mono<ReservationView> cancel(@PathVariable UUID id, Caller caller) {
		return this.lifecycle.cancel(caller, id).flatMap((reservation) -> this.queries.view(caller, reservation));
	}

	/**
	 * Completes the visit with who attended (at most the headcount): each gets a visit,
	 * those who checked in at the base earn its points.
	 */
	@PostMapping("/{id}/complete")
	@ApiErrors({ ErrorCode.ILLEGAL_STATE, ErrorCode.VISIT_NOT_STARTED, ErrorCode.ATTENDEES_NOT_IN_BRANCH,
			ErrorCode.ATTENDEES_ABOVE_HEADCOUNT })
	Mono<ReservationView> complete(@PathVariable UUID id, @Valid @RequestBody CompleteRequest body, Caller caller) {
		return this.lifecycle.complete(caller, id, body.attendeeMemberIds())
			.flatMap((reservation) -> this.queries.view(caller, reservation));
	}

	/**
	 * A member of the booking branch checks in at the base with its code and their
	 * position, from the device named by {@code X-Device-Id}: the rules of a meeting's
	 * check-in.
	 */
	@PostMapping("/{id}/checkins")
	@ApiErrors({ ErrorCode.CHECKIN_CODE_INVALID, ErrorCode.CHECKIN_CODE_EXPIRED, ErrorCode.OUT_OF_GEOFENCE,
			ErrorCode.CHECKIN_WINDOW_CLOSED, ErrorCode.NOT_INVITED, ErrorCode.RESERVATION_NOT_APPROVED,
			ErrorCode.DEVICE_ALREADY_USED })
	Mono<ResponseEntity<BaseCheckInView>> checkIn(@PathVariable UUID id, @Valid @RequestBody BaseCheckInRequest body,
			@RequestHeader(DeviceIds.HEADER) @Parameter(description = DeviceIds.DESCRIPTION,
					schema = @Schema(minLength = 1, maxLength = DeviceIds.MAX_LENGTH)) String deviceId,
			Caller caller) {
		return this.checkIns.checkIn(caller, id, new Presence.Presented(body.code(), body.lat(), body.lng()), deviceId)
			.map((recorded) -> {
				BaseCheckIn checkIn = recorded.checkIn();
				BaseCheckInView view = new BaseCheckInView(checkIn.id().toString(), checkIn.reservationId().toString(),
						checkIn.memberId().toString(), checkIn.checkedInAt().atZone(this.zone).toOffsetDateTime(),
						checkIn.method(), checkIn.distanceMeters());
				return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view);
			});
	}

	/**
	 * A booking.
	 *
	 * @param orgId the booking branch
	 * @param start the start of a slot
	 * @param headcount how many people come
	 * @param menuItemIds activities chosen from the base's menu; their minutes may take
	 * several slots
	 * @param channel how the booking came in; {@code HOTLINE} and {@code WALK_IN} are
	 * entered by the base's admin
	 * @param contactName whom the base calls
	 * @param contactPhone their mobile number
	 */
	record BookingRequest(@NotNull UUID baseId, @NotNull UUID orgId, @NotNull OffsetDateTime start,
			@Min(1) @Max(10_000) int headcount, @Nullable @Size(max = 20) List<@NotNull UUID> menuItemIds,
			@NotNull Channel channel, @NotBlank @Size(max = 50) String contactName,
			@NotBlank @Size(max = 32) String contactPhone) {

		@Override
		public String toString() {
			return "BookingRequest[personal data hidden]";
		}

	}

	/**
	 * Why a reservation is rejected.
	 *
	 * @param reason told to the booking secretary
	 */
	record RejectRequest(@NotBlank @Size(max = 500) String reason) {
	}

	/**
	 * The members who attended.
	 *
	 * @param attendeeMemberIds members of the booking branch's subtree
	 */
	record CompleteRequest(@NotNull @Size(min = 1, max = 1000) List<@NotNull UUID> attendeeMemberIds) {
	}

	/**
	 * Checking in at the base: the code on the screen at its entrance and the position.
	 *
	 * @param code the scanned code
	 * @param lng longitude
	 */
	record BaseCheckInRequest(@Nullable @Size(max = 32) String code,
			@Nullable @DecimalMin("-90") @DecimalMax("90") Double lat,
			@Nullable @DecimalMin("-180") @DecimalMax("180") Double lng) {

		@Override
		public String toString() {
			return "BaseCheckInRequest[position hidden]";
		}

	}

	/**
	 * A check-in at a base.
	 *
	 * @param id the check-in
	 * @param checkedInAt when
	 * @param method QR, GEO or QR_GEO
	 * @param distanceMeters how far from the base
	 */
	record BaseCheckInView(String id, String reservationId, String memberId, OffsetDateTime checkedInAt, String method,
			@Nullable Integer distanceMeters) {
	}

	/**
	 * A reservation as the API shows it.
	 *
	 * @param id the reservation
	 * @param orgId the booking branch
	 * @param start the start of its first slot
	 * @param end the end of its last slot
	 * @param headcount how many people come
	 * @param menuItemIds the activities chosen
	 * @param channel how it came in
	 * @param contactName whom the base calls
	 * @param contactPhone masked ({@code 138****0000}) for all but the base's admin and
	 * the branch's secretary
	 * @param status where it stands
	 * @param reason why it was rejected
	 * @param createdBy who entered it
	 * @param createdAt when
	 * @param decidedBy who changed its status last
	 * @param decidedAt when
	 */
	record ReservationView(String id, String baseId, String orgId, OffsetDateTime start, OffsetDateTime end,
			int headcount, List<String> menuItemIds, Channel channel, String contactName, String contactPhone,
			ReservationStatus status, @Nullable String reason, String createdBy, OffsetDateTime createdAt,
			@Nullable String decidedBy, @Nullable OffsetDateTime decidedAt) {

		static ReservationView of(Reservation reservation, boolean showPhone, ZoneId zone) {
			return new ReservationView(reservation.id().toString(), reservation.baseId().toString(),
					reservation.orgId().toString(), reservation.start().atZone(zone).toOffsetDateTime(),
					reservation.end().atZone(zone).toOffsetDateTime(), reservation.headcount(),
					reservation.menuItemIds().stream().map(UUID::toString).toList(), reservation.channel(),
					reservation.contactName(),
					showPhone ? reservation.contactPhone() : PhoneNumbers.mask(reservation.contactPhone()),
					reservation.status(), reservation.reason(), reservation.createdBy().toString(),
					reservation.createdAt().atZone(zone).toOffsetDateTime(),
					(reservation.decidedBy() != null) ? reservation.decidedBy().toString() : null,
					(reservation.decidedAt() != null) ? reservation.decidedAt().atZone(zone).toOffsetDateTime() : null);
		}

	}

}
