package cn.partybuilding.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.activity.Venue;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Decisions;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * Hours on site: the volunteer checks in and out (at the project's location when it has
 * one, within its time), the hours between the two are recorded; a forgotten checkout is
 * made up by the secretary, never after the project's end, with who, when and why kept.
 * Only the volunteer checks in and out for themselves: to anyone else a sign-up does not
 * exist. A repeated check-in or checkout answers with the sign-up as it is.
 */
@Service
class OnSiteHours {

	private final SignupRepository repository;

	private final ProjectAccess access;

	private final Clock clock;

	OnSiteHours(SignupRepository repository, ProjectAccess access, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.clock = clock;
	}

	Mono<Signup> checkIn(Caller caller, UUID id, @Nullable Double lat, @Nullable Double lng) {
		Instant now = this.clock.instant();
		return own(caller, id).flatMap((signup) -> this.access.find(signup.projectId()).flatMap((project) -> {
			if (signup.status() == SignupStatus.CHECKED_IN) {
				return Mono.just(signup);
			}
			if (signup.status() != SignupStatus.SIGNED_UP) {
				return Mono.error(DomainException.illegalState(signup.status().name(), "CHECK_IN"));
			}
			if (project.stored() == ProjectStatus.CANCELLED) {
				return Mono.error(new DomainException(ErrorCode.PROJECT_NOT_OPEN));
			}
			if (!project.window().checkInOpenAt(now)) {
				return Mono.error(new DomainException(ErrorCode.PROJECT_NOT_IN_PROGRESS));
			}
			Integer distance = distance(project.location(), lat, lng);
			return this.repository.checkIn(id, now, distance)
				.switchIfEmpty(Mono.defer(() -> current(id, SignupStatus.CHECKED_IN, "CHECK_IN")));
		}));
	}

	Mono<Signup> checkOut(Caller caller, UUID id, @Nullable Double lat, @Nullable Double lng) {
		Instant now = this.clock.instant();
		return own(caller, id).flatMap((signup) -> this.access.find(signup.projectId()).flatMap((project) -> {
			if (signup.status() == SignupStatus.CHECKED_OUT) {
				return Mono.just(signup);
			}
			if (signup.status() != SignupStatus.CHECKED_IN || signup.checkedInAt() == null) {
				return Mono.error(DomainException.illegalState(signup.status().name(), "CHECK_OUT"));
			}
			if (!project.window().checkOutOpenAt(now)) {
				return Mono.error(new DomainException(ErrorCode.PROJECT_NOT_IN_PROGRESS));
			}
			Integer distance = distance(project.location(), lat, lng);
			return this.repository.checkOut(id, now, distance, project.window().hours(signup.checkedInAt(), now))
				.switchIfEmpty(Mono.defer(() -> current(id, SignupStatus.CHECKED_OUT, "CHECK_OUT")));
		}));
	}

	/**
	 * The secretary of the project's unit (never for their own sign-up) puts a forgotten
	 * checkout.
	 */
	Mono<Signup> makeUp(Caller caller, UUID id, Instant checkedOutAt, String reason) {
		Instant now = this.clock.instant();
		return this.repository.find(id)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((signup) -> this.access.requireAdministered(caller, signup.projectId()).flatMap((project) -> {
				Decisions.requireNotOwn(caller, signup.memberId());
				if (signup.status() != SignupStatus.CHECKED_IN || signup.checkedInAt() == null) {
					return Mono.error(DomainException.illegalState(signup.status().name(), "MAKE_UP"));
				}
				if (!checkedOutAt.isAfter(signup.checkedInAt())) {
					return Mono.error(DomainException.invalid(Violation.of("checkedOutAt", "volunteer.afterCheckIn")));
				}
				if (checkedOutAt.isAfter(now)) {
					return Mono.error(DomainException.invalid(Violation.of("checkedOutAt", "volunteer.notFuture")));
				}
				if (!project.window().mayEndAt(checkedOutAt)) {
					return Mono.error(new DomainException(ErrorCode.MAKEUP_AFTER_PROJECT_END));
				}
				return this.repository
					.makeUp(id, checkedOutAt, project.window().hours(signup.checkedInAt(), checkedOutAt), caller.id(),
							now, reason)
					.switchIfEmpty(Mono.defer(() -> current(id, null, "MAKE_UP")));
			}));
	}

	/** The caller's own sign-up; anyone else's does not exist for them. */
	private Mono<Signup> own(Caller caller, UUID id) {
		return this.repository.find(id)
			.filter((signup) -> signup.memberId().equals(caller.id()))
			.switchIfEmpty(Mono.error(DomainException::notFound));
	}

	/**
	 * After a lost race: the sign-up as the other request left it when that is where this
	 * one wanted it, else 409.
	 */
	private Mono<Signup> current(UUID id, @Nullable SignupStatus wanted, String action) {
		return this.repository.find(id)
			.flatMap((signup) -> (signup.status() == wanted) ? Mono.just(signup)
					: Mono.error(DomainException.illegalState(signup.status().name(), action)));
	}

	/** Metres from the location, when there is one; the position itself is not kept. */
	private static @Nullable Integer distance(@Nullable Venue location, @Nullable Double lat, @Nullable Double lng) {
		if (location == null) {
			return null;
		}
		if (lat == null || lng == null) {
			throw DomainException.invalid(Violation.of("lat", "required"), Violation.of("lng", "required"));
		}
		double meters = location.distanceTo(lat, lng);
		if (meters > location.radiusMeters()) {
			throw new DomainException(ErrorCode.OUT_OF_GEOFENCE, List.of(),
					Map.of("distanceMeters", Math.round(meters)), Math.round(meters));
		}
		return (int) Math.round(meters);
	}

}
