package cn.partybuilding.reservation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.base.Bases;
import cn.partybuilding.checkin.DeviceIds;
import cn.partybuilding.checkin.NotStored;
import cn.partybuilding.checkin.Presence;
import cn.partybuilding.member.Memberships;
import cn.partybuilding.org.Orgs;
import cn.partybuilding.reservation.ReservationAccess.Action;
import cn.partybuilding.security.Caller;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Members checking in at a base for their branch's reservation, by the rules of a
 * meeting's check-in ({@link Presence}): the base's rotating code shown at its entrance
 * and a position within the base's radius, inside the window from 30 minutes before the
 * reservation's start to its end, from the member's own device, once. Only members of the
 * booking branch's subtree check in, and only to an approved reservation. A member's
 * check-in is what lets the completed visit earn them its points
 * ({@link ReservationPoints}).
 */
@Service
class BaseCheckIns {

	/**
	 * Check-in at the base opens this long before the reservation's start, as for a
	 * meeting.
	 */
	static final Duration EARLY = Duration.ofMinutes(30);

	private final ReservationRepository reservations;

	private final BaseCheckInRepository repository;

	private final ReservationAccess access;

	private final Bases bases;

	private final Memberships memberships;

	private final Orgs orgs;

	private final DeviceIds devices;

	private final Clock clock;

	BaseCheckIns(ReservationRepository reservations, BaseCheckInRepository repository, ReservationAccess access,
			Bases bases, Memberships memberships, Orgs orgs, DeviceIds devices, Clock clock) {
		this.reservations = reservations;
		this.repository = repository;
		this.access = access;
		this.bases = bases;
		this.memberships = memberships;
		this.orgs = orgs;
		this.devices = devices;
		this.clock = clock;
	}

	/**
	 * Checks the caller in at the reservation's base: 201 the first time, the same
	 * check-in again after (whatever is presented then), a refusal that says why
	 * otherwise. Someone who cannot see the reservation finds nothing.
	 */
	Mono<Recorded> checkIn(Caller caller, UUID reservationId, Presence.Presented presented, @Nullable String deviceId) {
		Instant now = this.clock.instant();
		return Mono.fromCallable(() -> this.devices.hash(deviceId))
			.flatMap((device) -> this.reservations.find(reservationId)
				.switchIfEmpty(Mono.error(DomainException::notFound))
				.flatMap((reservation) -> this.access.require(caller, reservation, Action.READ))
				.flatMap((reservation) -> ofBookingBranch(caller, reservation)
					.flatMap((member) -> member ? attempt(caller, reservation, presented, device, now)
							: Mono.error(new DomainException(ErrorCode.NOT_INVITED)))));
	}

	private Mono<Recorded> attempt(Caller caller, Reservation reservation, Presence.Presented presented, byte[] device,
			Instant now) {
		return this.bases.find(reservation.baseId())
			.zipWith(this.bases.checkInSecret(reservation.baseId()))
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((base) -> {
				BaseCheckIn checkIn;
				try {
					if (reservation.status() != ReservationStatus.APPROVED) {
						throw new DomainException(ErrorCode.RESERVATION_NOT_APPROVED);
					}
					Presence.Proof proof = Presence.prove(new Presence.Asked(reservation.baseId(),
							reservation.start().minus(EARLY), reservation.end(), base.getT2(), base.getT1().geofence()),
							presented, now);
					checkIn = new BaseCheckIn(Ids.newId(), reservation.id(), caller.id(), now, proof.method(),
							proof.distanceMeters());
				}
				catch (DomainException refusal) {
					// A refusal to someone who checked in already is no refusal: they get
					// their check-in.
					return this.repository.find(reservation.id(), caller.id())
						.map((existing) -> new Recorded(existing, false))
						.switchIfEmpty(Mono.error(refusal));
				}
				return this.repository.insert(checkIn, device)
					.flatMap((stored) -> stored ? Mono.just(new Recorded(checkIn, true))
							: NotStored.explain(
									this.repository.find(reservation.id(), caller.id())
										.map((existing) -> new Recorded(existing, false)),
									this.repository.deviceUsed(reservation.id(), device),
									// Completed or cancelled in between, or the member
									// left.
									this.reservations.find(reservation.id())
										.map((current) -> (current.status() != ReservationStatus.APPROVED)
												? ErrorCode.RESERVATION_NOT_APPROVED : ErrorCode.NOT_INVITED)));
			});
	}

	/**
	 * Whether the caller is a member of a branch in the booking branch's subtree (as it
	 * is now, not as the token says).
	 */
	private Mono<Boolean> ofBookingBranch(Caller caller, Reservation reservation) {
		return Mono
			.zip(this.orgs.find(reservation.orgId()), this.memberships.branchOf(caller.id()).flatMap(this.orgs::find))
			.map((both) -> both.getT1().covers(both.getT2()))
			.defaultIfEmpty(false);
	}

	/**
	 * A check-in at a base and whether this call made it.
	 *
	 * @param created {@code true} the first time
	 */
	record Recorded(BaseCheckIn checkIn, boolean created) {
	}

}
