package cn.partybuilding.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.activity.ActivityController.NewActivity;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Decisions;
import cn.partybuilding.security.Role;
import cn.partybuilding.system.BusinessTime;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/** Planning activities, approving members' proposals, cancelling, listing. */
@Service
class ActivityService {

	private static final Role[] ADMINISTERING = { Role.SECRETARY, Role.ORG_ADMIN };

	private final ActivityRepository repository;

	private final Activities activities;

	private final ActivityEvents events;

	private final AccessPolicy access;

	private final ActivityAccess activityAccess;

	private final BusinessTime time;

	ActivityService(ActivityRepository repository, Activities activities, ActivityEvents events, AccessPolicy access,
			ActivityAccess activityAccess, BusinessTime time) {
		this.repository = repository;
		this.activities = activities;
		this.events = events;
		this.access = access;
		this.activityAccess = activityAccess;
		this.time = time;
	}

	/**
	 * A secretary's (or org admin's) activity is approved at once; a member's is a
	 * proposal awaiting approval. Without methods, a 三会一课 is checked in by code and
	 * position ({@link ActivityRules#methods}).
	 */
	Mono<Activity> create(Caller caller, NewActivity request) {
		Set<CheckInMethod> methods = ActivityRules.methods(request.type(), request.checkInMethods());
		Venue venue = request.venueOrNull();
		List<Violation> violations = ActivityRules.check(request.type(), request.startsAt(), request.endsAt(),
				request.checkInOpensAt(), request.checkInClosesAt(), venue, request.checkInMethods());
		if (!violations.isEmpty()) {
			return Mono.error(DomainException.invalid(violations.toArray(Violation[]::new)));
		}
		return this.access.requireVisible(caller, request.orgId()).flatMap((org) -> {
			ActivityStatus status = AccessPolicy.covers(caller, org, ADMINISTERING) ? ActivityStatus.APPROVED
					: ActivityStatus.PENDING_APPROVAL;
			Instant opens = (request.checkInOpensAt() != null) ? request.checkInOpensAt()
					: request.startsAt().minus(ActivityRules.DEFAULT_EARLY_CHECK_IN);
			Instant closes = (request.checkInClosesAt() != null) ? request.checkInClosesAt() : request.endsAt();
			Activity activity = new Activity(Ids.newId(), org.id(), request.type(), request.title().trim(),
					request.startsAt(), request.endsAt(), opens, closes, venue, methods, status, caller.id());
			Mono<Void> announce = (status == ActivityStatus.APPROVED) ? this.events.approved(activity) : Mono.empty();
			return this.activities.plan(activity).then(announce).thenReturn(activity);
		});
	}

	Mono<Activity> get(Caller caller, UUID id) {
		return visible(caller, id);
	}

	/**
	 * Approves, rejects, cancels: the secretary (or org admin) of the activity's unit,
	 * from an allowed status.
	 */
	Mono<Activity> decide(Caller caller, UUID id, ActivityStatus.Action action, @Nullable String reason) {
		return visible(caller, id)
			.flatMap((activity) -> this.access.require(caller, activity.orgId(), ADMINISTERING).then(Mono.defer(() -> {
				ActivityStatus to = activity.status().after(action);
				if (to == null) {
					return Mono.error(DomainException.illegalState(activity.status().name(), action.name()));
				}
				if (action == ActivityStatus.Action.APPROVE || action == ActivityStatus.Action.REJECT) {
					// Deciding on a proposal: never one's own.
					Decisions.requireNotOwn(caller, activity.createdBy());
				}
				Set<ActivityStatus> from = EnumSet.noneOf(ActivityStatus.class);
				for (ActivityStatus status : ActivityStatus.values()) {
					if (status.after(action) == to) {
						from.add(status);
					}
				}
				return this.repository.transition(id, from, to, reason)
					// Someone else changed it in between: the transition no longer
					// applies.
					.switchIfEmpty(
							Mono.error(() -> DomainException.illegalState(activity.status().name(), action.name())))
					.flatMap((changed) -> {
						this.activities.forget(id);
						return (action == ActivityStatus.Action.APPROVE)
								? this.events.approved(changed).thenReturn(changed) : Mono.just(changed);
					});
			})));
	}

	Mono<Page<Activity>> inOrg(Caller caller, UUID orgId, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable ActivityType type, PageRequest page) {
		LocalDate today = this.time.today();
		LocalDate first = (from != null) ? from : today.minusDays(30);
		LocalDate last = (to != null) ? to : first.plusYears(1);
		if (last.isBefore(first)) {
			return Mono.error(DomainException.invalid(Violation.of("to", "notBeforeFrom")));
		}
		Instant start = this.time.startOf(first);
		Instant end = this.time.endOf(last);
		return this.access.requireVisible(caller, orgId)
			.flatMap((org) -> this.repository.byOrg(org.id(), start, end, type, page).collectList())
			.map((rows) -> page.page(rows,
					(activity) -> List.of(activity.startsAt().toString(), activity.id().toString())));
	}

	private Mono<Activity> visible(Caller caller, UUID id) {
		return this.activityAccess.requireSeen(caller, id);
	}

}
