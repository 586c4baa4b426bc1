package cn.partybuilding.org;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * The one place scope is checked, for every endpoint. A role scoped to an org unit covers
 * that unit and everything below it. A resource in a unit the caller's roles do not cover
 * answers 404, exactly as if it did not exist; a unit the caller can see, but where none
 * of their roles allows the action, answers 403. The system administrator is allowed
 * everything.
 */
@Component
public class AccessPolicy {

	private final Orgs orgs;

	AccessPolicy(Orgs orgs) {
		this.orgs = orgs;
	}

	/**
	 * The unit, if the caller holds one of {@code allowed} over it. Not found when it
	 * does not exist or the caller cannot see it; forbidden when they can see it but none
	 * of their roles there is allowed.
	 */
	public Mono<OrgUnit> require(Caller caller, UUID orgId, Role... allowed) {
		return this.orgs.find(orgId)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.map((unit) -> check(caller, unit, allowed));
	}

	/** The unit, if any role of the caller covers it (reading, for instance). */
	public Mono<OrgUnit> requireVisible(Caller caller, UUID orgId) {
		return require(caller, orgId, Role.values());
	}

	/**
	 * For settings that apply to the whole installation (the points rule book, schemes of
	 * grades and stars, anything beyond one subtree): the system administrator, or an org
	 * admin of a top-level committee. Anyone else gets 403
	 * {@code DISTRICT_ADMIN_REQUIRED}, an org admin of a unit lower down included.
	 */
	public Mono<Void> requireDistrictAdministrator(Caller caller) {
		if (caller.isSysAdmin()) {
			return Mono.empty();
		}
		return Flux.fromIterable(caller.scopesOf(Role.ORG_ADMIN))
			.concatMap(this.orgs::find)
			.any((unit) -> unit.parentId() == null)
			.flatMap((topLevel) -> topLevel ? Mono.<Void>empty()
					: Mono.error(new DomainException(ErrorCode.DISTRICT_ADMIN_REQUIRED)));
	}

	/** The check itself, for callers that already hold the unit. */
	public OrgUnit check(Caller caller, OrgUnit unit, Role... allowed) {
		if (caller.isSysAdmin()) {
			return unit;
		}
		if (!covers(caller, unit, Role.MEMBER, Role.SECRETARY, Role.ORG_ADMIN)) {
			throw DomainException.notFound();
		}
		if (!covers(caller, unit, allowed)) {
			throw DomainException.forbidden();
		}
		return unit;
	}

	/**
	 * Whether one of the caller's roles among {@code roles} covers the unit (the system
	 * administrator: always).
	 */
	public static boolean covers(Caller caller, OrgUnit unit, Role... roles) {
		if (caller.isSysAdmin()) {
			return true;
		}
		List<Role> wanted = Arrays.asList(roles);
		return caller.roles()
			.stream()
			.filter((grant) -> wanted.contains(grant.role()) && grant.role().scopedToOrg() && grant.scope() != null)
			.anyMatch((grant) -> unit.id().equals(grant.scope()) || unit.ancestors().contains(grant.scope()));
	}

}
