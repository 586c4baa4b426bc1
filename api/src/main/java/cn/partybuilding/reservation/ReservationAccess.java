package cn.partybuilding.reservation;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.base.Bases;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.org.Orgs;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.problem.DomainException;

/**
 * Who may see and do what with a reservation. It is seen by the base's admins, the org
 * admins the base's administering unit lies under, and anyone whose role covers the
 * booking branch. Approving, rejecting and completing are for the base's admins;
 * cancelling for them and the branch's secretaries. Someone who may not see it gets 404,
 * someone who sees it but may not act 403; the system administrator may do everything.
 */
@Component
class ReservationAccess {

	private final Orgs orgs;

	private final Bases bases;

	ReservationAccess(Orgs orgs, Bases bases) {
		this.orgs = orgs;
		this.bases = bases;
	}

	/** The reservation, if the caller may do {@code action} with it. */
	Mono<Reservation> require(Caller caller, Reservation reservation, Action action) {
		if (caller.isSysAdmin()) {
			return Mono.just(reservation);
		}
		boolean baseAdmin = isBaseAdmin(caller, reservation.baseId());
		return branch(reservation).flatMap((branch) -> {
			Mono<Boolean> visible = (baseAdmin
					|| AccessPolicy.covers(caller, branch, Role.MEMBER, Role.SECRETARY, Role.ORG_ADMIN))
							? Mono.just(true) : oversees(caller, reservation.baseId());
			boolean allowed = switch (action) {
				case READ -> true;
				case DECIDE -> baseAdmin;
				case CANCEL -> baseAdmin || AccessPolicy.covers(caller, branch, Role.SECRETARY);
			};
			return visible.flatMap((seen) -> {
				if (!seen) {
					return Mono.error(DomainException.notFound());
				}
				return allowed ? Mono.just(reservation) : Mono.error(DomainException.forbidden());
			});
		});
	}

	/**
	 * Whether the caller oversees the base's reservations: its admin, an org admin over
	 * its administering unit, or the system administrator.
	 */
	Mono<Boolean> oversees(Caller caller, UUID baseId) {
		if (caller.isSysAdmin() || isBaseAdmin(caller, baseId)) {
			return Mono.just(true);
		}
		return this.bases.find(baseId)
			.flatMap((base) -> this.orgs.find(base.adminOrgId()))
			.map((unit) -> AccessPolicy.covers(caller, unit, Role.ORG_ADMIN))
			.defaultIfEmpty(false);
	}

	/**
	 * Whether the caller sees the contact's number in clear: the base's admin and the
	 * booking branch's secretary.
	 */
	static boolean showsPhone(Caller caller, Reservation reservation, OrgUnit branch) {
		return isBaseAdmin(caller, reservation.baseId()) || caller.scopesOf(Role.SECRETARY)
			.stream()
			.anyMatch((scope) -> scope.equals(branch.id()) || branch.ancestors().contains(scope));
	}

	static boolean isBaseAdmin(Caller caller, UUID baseId) {
		return caller.scopesOf(Role.BASE_ADMIN).contains(baseId);
	}

	Mono<OrgUnit> branch(Reservation reservation) {
		return this.orgs.find(reservation.orgId());
	}

	/** What is done with a reservation. */
	enum Action {

		READ, DECIDE, CANCEL

	}

}
