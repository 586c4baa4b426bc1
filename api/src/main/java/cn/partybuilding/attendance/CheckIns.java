package cn.partybuilding.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.activity.Activities;
import cn.partybuilding.activity.Activity;
import cn.partybuilding.activity.ActivityAccess;
import cn.partybuilding.activity.ActivityStatus;
import cn.partybuilding.activity.CheckInMethod;
import cn.partybuilding.checkin.DeviceIds;
import cn.partybuilding.checkin.NotStored;
import cn.partybuilding.checkin.Presence;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Decisions;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Checking in. Exactly one check-in per member and activity: the first answers 201, every
 * repeat — a double tap, a retry, the member's second phone — 200 with the same check-in,
 * and none of them scores twice. One device checks in one member per activity: a second
 * member from it is refused. A refusal says why, in words the app can show: the code
 * expired, is not this activity's, the member is outside the venue, the window is closed,
 * the member is not invited, the activity is not open, the phone checked in someone else.
 * The rules of presence are those of every check-in ({@link Presence}).
 */
@Service
class CheckIns {

	/** How long after the end a secretary may still record a check-in by hand. */
	static final Duration MANUAL_GRACE = Duration.ofHours(24);

	private final Activities activities;

	private final ActivityAccess access;

	private final CheckInRepository repository;

	private final CheckInWriter writer;

	private final DeviceIds devices;

	private final Clock clock;

	CheckIns(Activities activities, ActivityAccess access, CheckInRepository repository, CheckInWriter writer,
			DeviceIds devices, Clock clock) {
		this.activities = activities;
		this.access = access;
		this.repository = repository;
		this.writer = writer;
		this.devices = devices;
		this.clock = clock;
	}

	/**
	 * Checks the caller in from their device ({@code X-Device-Id}, a 400 when missing or
	 * malformed) with what they present, as the activity asks: its code, their position,
	 * or both.
	 */
	Mono<Recorded> checkIn(Caller caller, UUID activityId, Presence.Presented presented, @Nullable String deviceId) {
		Instant now = this.clock.instant();
		return Mono.fromCallable(() -> this.devices.hash(deviceId))
			.flatMap((device) -> this.access.requireSeenWithInvitation(caller, activityId).flatMap((seen) -> {
				if (!seen.invited()) {
					return Mono.error(new DomainException(ErrorCode.NOT_INVITED));
				}
				return this.activities.findWithSecret(activityId).flatMap((loaded) -> {
					CheckIn checkIn;
					try {
						checkIn = verify(loaded, caller.id(), presented, now);
					}
					catch (DomainException refusal) {
						// A refusal to someone who checked in already is no refusal: they
						// get their check-in.
						return this.repository.find(activityId, caller.id())
							.map((existing) -> new Recorded(existing, false))
							.switchIfEmpty(Mono.error(refusal));
					}
					return record(seen.activity(), checkIn, device, null, null);
				});
			}));
	}

	/**
	 * A check-in the secretary records for a member without a phone: who, when and why
	 * are kept.
	 */
	Mono<Recorded> recordByHand(Caller secretary, UUID activityId, UUID memberId, UUID memberBranch, String reason) {
		Instant now = this.clock.instant();
		return this.access.requireAdministered(secretary, activityId).flatMap((activity) -> {
			Decisions.requireNotOwn(secretary, memberId);
			if (activity.status() != ActivityStatus.APPROVED && activity.status() != ActivityStatus.COMPLETED) {
				return Mono.error(new DomainException(ErrorCode.ACTIVITY_NOT_OPEN));
			}
			if (now.isBefore(activity.checkInOpensAt()) || now.isAfter(activity.endsAt().plus(MANUAL_GRACE))) {
				return Mono.error(new DomainException(ErrorCode.CHECKIN_WINDOW_CLOSED));
			}
			return this.activities.invites(activity, memberBranch)
				.flatMap(
						(invited) -> invited
								? record(activity, new CheckIn(Ids.newId(), activityId, memberId, now, "MANUAL", null),
										null, secretary.id(), reason)
								: Mono.error(new DomainException(ErrorCode.NOT_INVITED)));
		});
	}

	/**
	 * The member's check-in if the activity is open and what they present proves
	 * presence; else the refusal.
	 */
	private static CheckIn verify(Activities.WithSecret loaded, UUID memberId, Presence.Presented presented,
			Instant now) {
		Activity activity = loaded.activity();
		if (activity.status() != ActivityStatus.APPROVED) {
			throw new DomainException(ErrorCode.ACTIVITY_NOT_OPEN);
		}
		boolean byPosition = activity.methods().contains(CheckInMethod.GEO);
		Presence.Proof proof = Presence.prove(new Presence.Asked(activity.id(), activity.checkInOpensAt(),
				activity.checkInClosesAt(), activity.methods().contains(CheckInMethod.QR) ? loaded.codeSecret() : null,
				byPosition ? Objects.requireNonNull(activity.venue(), "an activity by position has a venue").geofence()
						: null),
				presented, now);
		return new CheckIn(Ids.newId(), activity.id(), memberId, now, proof.method(), proof.distanceMeters());
	}

	/**
	 * Stores the check-in and its points event together. When it is not stored, and only
	 * then, finds out why: a second one of the member gives back the first; otherwise the
	 * device was used by someone else, or the member may not check in (any more).
	 */
	private Mono<Recorded> record(Activity activity, CheckIn checkIn, byte @Nullable [] device,
			@Nullable UUID recordedBy, @Nullable String reason) {
		return this.writer.store(activity, checkIn, device, recordedBy, reason)
			.flatMap((stored) -> stored ? Mono.just(new Recorded(checkIn, true)) : NotStored.explain(
					this.repository.find(checkIn.activityId(), checkIn.memberId())
						.map((existing) -> new Recorded(existing, false)),
					(device != null) ? this.repository.deviceUsed(checkIn.activityId(), device) : Mono.just(false)));
	}

	/**
	 * A check-in and whether this call made it.
	 *
	 * @param created {@code true} the first time
	 */
	record Recorded(CheckIn checkIn, boolean created) {
	}

}
