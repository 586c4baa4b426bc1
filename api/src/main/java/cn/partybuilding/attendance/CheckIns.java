package cn.partybuilding.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.activity.Activities;
import cn.partybuilding.activity.Activity;
import cn.partybuilding.activity.ActivityAccess;
import cn.partybuilding.activity.ActivityStatus;
import cn.partybuilding.activity.CheckInMethod;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Decisions;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * Checking in. Exactly one check-in per member and activity: the first answers 201, every repeat — a double tap, a
 * retry, two phones — 200 with the same check-in, and none of them scores twice. A refusal says why, in words the app
 * can show: the code expired, is not this activity's, the member is outside the venue, the window is closed, the
 * member is not invited, the activity is not open.
 */
@Service
class CheckIns {

	/** How long after the end a secretary may still record a check-in by hand. */
	static final Duration MANUAL_GRACE = Duration.ofHours(24);

	private final Activities activities;

	private final ActivityAccess access;

	private final CheckInRepository repository;

	private final CheckInWriter writer;

	private final Clock clock;

	CheckIns(Activities activities, ActivityAccess access, CheckInRepository repository, CheckInWriter writer,
			Clock clock) {
		this.activities = activities;
		this.access = access;
		this.repository = repository;
		this.writer = writer;
		this.clock = clock;
	}

	Mono<Recorded> checkIn(Caller caller, UUID activityId, @Nullable String code, @Nullable Double lat,
			@Nullable Double lng) {
		Instant now = this.clock.instant();
		return this.access.requireSeenWithInvitation(caller, activityId).flatMap((seen) -> {
			if (!seen.invited()) {
				return Mono.error(new DomainException(ErrorCode.NOT_INVITED));
			}
			return this.activities.findWithSecret(activityId)
				.flatMap((loaded) -> verify(loaded, code, lat, lng, now))
				.flatMap((checkIn) -> record(seen.activity(), withMember(checkIn, caller.id()), null, null))
				// A refusal to someone who checked in already is no refusal: they get their check-in.
				.onErrorResume(DomainException.class,
						(refusal) -> this.repository.find(activityId, caller.id())
							.map((existing) -> new Recorded(existing, false))
							.switchIfEmpty(Mono.error(refusal)));
		});
	}

	/** A check-in the secretary records for a member without a phone: who, when and why are kept. */
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
			return this.activities.invites(activity, memberBranch).flatMap((invited) -> invited
					? record(activity, new CheckIn(Ids.newId(), activityId, memberId, now, "MANUAL", null),
							secretary.id(), reason)
					: Mono.error(new DomainException(ErrorCode.NOT_INVITED)));
		});
	}

	private Mono<CheckIn> verify(Activities.WithSecret loaded, @Nullable String code, @Nullable Double lat,
			@Nullable Double lng, Instant now) {
		Activity activity = loaded.activity();
		if (activity.status() != ActivityStatus.APPROVED) {
			return Mono.error(new DomainException(ErrorCode.ACTIVITY_NOT_OPEN));
		}
		if (!activity.checkInOpenAt(now)) {
			return Mono.error(new DomainException(ErrorCode.CHECKIN_WINDOW_CLOSED));
		}
		boolean byCode = activity.methods().contains(CheckInMethod.QR);
		boolean byPosition = activity.methods().contains(CheckInMethod.GEO);
		if (byCode) {
			CheckInCodes.Verdict verdict = (code == null) ? CheckInCodes.Verdict.INVALID
					: CheckInCodes.verify(loaded.codeSecret(), activity.id(), code, now);
			if (verdict == CheckInCodes.Verdict.EXPIRED) {
				return Mono.error(new DomainException(ErrorCode.CHECKIN_CODE_EXPIRED));
			}
			if (verdict == CheckInCodes.Verdict.INVALID) {
				return Mono.error(new DomainException(ErrorCode.CHECKIN_CODE_INVALID));
			}
		}
		Integer distance = null;
		if (byPosition) {
			if (lat == null || lng == null) {
				return Mono.error(DomainException.invalid(Violation.of("lat", "required"), Violation.of("lng",
						"required")));
			}
			double meters = activity.venue().distanceTo(lat, lng);
			if (meters > activity.venue().radiusMeters()) {
				return Mono.error(new DomainException(ErrorCode.OUT_OF_GEOFENCE, java.util.List.of(),
						java.util.Map.of("distanceMeters", Math.round(meters)), Math.round(meters)));
			}
			distance = (int) Math.round(meters);
		}
		String method = (byCode && byPosition) ? "QR_GEO" : byCode ? "QR" : "GEO";
		return Mono.just(new CheckIn(Ids.newId(), activity.id(), new UUID(0, 0), now, method, distance));
	}

	/** Stores the check-in and its points event together; a second one for the member gives back the first. */
	private Mono<Recorded> record(Activity activity, CheckIn checkIn, @Nullable UUID recordedBy,
			@Nullable String reason) {
		return this.writer.store(activity, checkIn, recordedBy, reason)
			.flatMap((stored) -> stored ? Mono.just(new Recorded(checkIn, true))
					: this.repository.find(checkIn.activityId(), checkIn.memberId())
						.map((existing) -> new Recorded(existing, false)));
	}

	private static CheckIn withMember(CheckIn checkIn, UUID memberId) {
		return new CheckIn(checkIn.id(), checkIn.activityId(), memberId, checkIn.checkedInAt(), checkIn.method(),
				checkIn.distanceMeters());
	}

	/**
	 * A check-in and whether this call made it.
	 *
	 * @param checkIn the check-in
	 * @param created {@code true} the first time
	 */
	record Recorded(CheckIn checkIn, boolean created) {
	}

}
