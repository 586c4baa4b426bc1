package cn.partybuilding.activity;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.problem.DomainException;

/**
 * Who may see and run an activity. Invitees see it even when it belongs to a unit above
 * their branch (a community's 主题党日); roles covering its unit see it too; to anyone else
 * it does not exist (404). Running it (approving, showing the code, the attendance sheet)
 * takes a secretary or org admin over its unit.
 */
@Component
public class ActivityAccess {

	private static final Role[] ADMINISTERING = { Role.SECRETARY, Role.ORG_ADMIN };

	private final Activities activities;

	private final AccessPolicy access;

	ActivityAccess(Activities activities, AccessPolicy access) {
		this.activities = activities;
		this.access = access;
	}

	/**
	 * The activity, if the caller is invited to it or a role of theirs covers its unit.
	 */
	public Mono<Activity> requireSeen(Caller caller, UUID activityId) {
		return requireSeenWithInvitation(caller, activityId).map(Seen::activity);
	}

	/**
	 * As {@link #requireSeen}, saying whether the caller is invited (worked out once, for
	 * checking in).
	 */
	public Mono<Seen> requireSeenWithInvitation(Caller caller, UUID activityId) {
		return find(activityId).flatMap((activity) -> invited(caller, activity)
			.flatMap((invited) -> invited ? Mono.just(new Seen(activity, true))
					: this.access.requireVisible(caller, activity.orgId()).thenReturn(new Seen(activity, false))));
	}

	/**
	 * The activity, if the caller is its unit's secretary or org admin (404 if they
	 * cannot see it, else 403).
	 */
	public Mono<Activity> requireAdministered(Caller caller, UUID activityId) {
		return requireSeen(caller, activityId)
			.flatMap((activity) -> this.access.require(caller, activity.orgId(), ADMINISTERING).thenReturn(activity));
	}

	/** Whether the caller, as a member, belongs to the invited subtree. */
	public Mono<Boolean> invited(Caller caller, Activity activity) {
		return (caller.branchId() == null) ? Mono.just(false) : this.activities.invites(activity, caller.branchId());
	}

	private Mono<Activity> find(UUID activityId) {
		return this.activities.find(activityId).switchIfEmpty(Mono.error(DomainException::notFound));
	}

	/**
	 * An activity the caller may see.
	 *
	 * @param invited whether the caller, as a member, belongs to its invited subtree
	 */
	public record Seen(Activity activity, boolean invited) {
	}

}
