package cn.partybuilding.minutes;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.activity.Activities;
import cn.partybuilding.activity.Activity;
import cn.partybuilding.activity.ActivityAccess;
import cn.partybuilding.activity.ActivityStatus;
import cn.partybuilding.member.Memberships;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.org.Orgs;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Decisions;
import cn.partybuilding.security.Role;
import cn.partybuilding.security.RoleGrant;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Writing the minutes (the recorder, or the secretary), signing them off (the secretary
 * of the activity's unit) and reviewing them (an org admin of a unit above it). Signed
 * minutes cannot change; each step keeps who and when.
 */
@Service
class MinutesService {

	private final ActivityAccess access;

	private final Activities activities;

	private final MinutesRepository repository;

	private final Memberships memberships;

	private final Orgs orgs;

	private final Clock clock;

	MinutesService(ActivityAccess access, Activities activities, MinutesRepository repository, Memberships memberships,
			Orgs orgs, Clock clock) {
		this.access = access;
		this.activities = activities;
		this.repository = repository;
		this.memberships = memberships;
		this.orgs = orgs;
		this.clock = clock;
	}

	Mono<Minutes> get(Caller caller, UUID activityId) {
		return this.access.requireSeen(caller, activityId)
			.then(this.repository.find(activityId))
			.switchIfEmpty(Mono.error(DomainException::notFound));
	}

	Mono<Minutes> write(Caller caller, UUID activityId, UUID recorderId, String content) {
		return this.access.requireSeen(caller, activityId).flatMap((activity) -> {
			if (activity.status() != ActivityStatus.APPROVED && activity.status() != ActivityStatus.COMPLETED) {
				return Mono.error(new DomainException(ErrorCode.ACTIVITY_NOT_OPEN));
			}
			return this.orgs.find(activity.orgId())
				.flatMap((unit) -> this.repository.find(activityId)
					.map((existing) -> existing.recorderId().equals(caller.id()))
					.defaultIfEmpty(false)
					.flatMap((isRecorder) -> {
						boolean secretary = AccessPolicy.covers(caller, unit, Role.SECRETARY, Role.ORG_ADMIN);
						if (!secretary && !(isRecorder && recorderId.equals(caller.id()))) {
							return Mono.error(DomainException.forbidden());
						}
						return invited(activity, recorderId);
					}))
				.then(Mono.defer(() -> this.repository.write(activityId, recorderId, content, caller.id(),
						this.clock.instant())))
				.switchIfEmpty(Mono.error(() -> DomainException.illegalState("SIGNED", "EDIT")));
		});
	}

	/**
	 * The secretary signs first; then an org admin above reviews; after that nothing is
	 * left to sign.
	 */
	Mono<Minutes> sign(Caller caller, UUID activityId) {
		Instant now = this.clock.instant();
		return this.access.requireSeen(caller, activityId)
			.flatMap((activity) -> this.orgs.find(activity.orgId()))
			.flatMap((unit) -> {
				boolean signs = AccessPolicy.covers(caller, unit, Role.SECRETARY);
				boolean reviews = reviewsFromAbove(caller, unit);
				if (!signs && !reviews) {
					return Mono.error(DomainException.forbidden());
				}
				return this.repository.find(activityId)
					.switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.MINUTES_MISSING)))
					.flatMap((minutes) -> {
						if (minutes.signedAt() == null) {
							return signs ? this.repository.sign(activityId, caller.id(), now)
									: Mono.error(DomainException.forbidden());
						}
						if (minutes.reviewedAt() == null) {
							if (!reviews) {
								return Mono.error(DomainException.forbidden());
							}
							// Reviewing is a second pair of eyes: never the signer's.
							Decisions.requireNotOwn(caller, minutes.signedBy());
							return this.repository.review(activityId, caller.id(), now);
						}
						return Mono.error(DomainException.illegalState("REVIEWED", "SIGN"));
					})
					// Someone signed or reviewed it a moment ago.
					.switchIfEmpty(Mono.error(() -> DomainException.illegalState("SIGNED", "SIGN")));
			});
	}

	/**
	 * An org admin whose unit lies strictly above the activity's unit (or the system
	 * administrator).
	 */
	private static boolean reviewsFromAbove(Caller caller, OrgUnit unit) {
		if (caller.isSysAdmin()) {
			return true;
		}
		return caller.roles()
			.stream()
			.filter((grant) -> grant.role() == Role.ORG_ADMIN)
			.map(RoleGrant::scope)
			.anyMatch(unit.ancestors()::contains);
	}

	private Mono<Void> invited(Activity activity, UUID recorderId) {
		return this.memberships.branchOf(recorderId)
			.flatMap((branch) -> this.activities.invites(activity, branch))
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.NOT_INVITED)))
			.then();
	}

}
