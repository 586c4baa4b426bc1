package cn.partybuilding.reservation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.base.Bases;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.reservation.ReservationAccess.Action;
import cn.partybuilding.reservation.ReservationController.ReservationView;
import cn.partybuilding.security.Caller;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * Reading reservations: those of an org unit's subtree for whoever it is visible to (a
 * secretary sees the branch's), those of a base for whoever oversees it (its admin, the
 * org admins above its administering unit).
 */
@Service
class ReservationQueries {

	private final ReservationRepository repository;

	private final ReservationAccess access;

	private final AccessPolicy policy;

	private final Bases bases;

	private final Clock clock;

	ReservationQueries(ReservationRepository repository, ReservationAccess access, AccessPolicy policy, Bases bases,
			Clock clock) {
		this.repository = repository;
		this.access = access;
		this.policy = policy;
		this.bases = bases;
		this.clock = clock;
	}

	Mono<ReservationView> get(Caller caller, UUID id) {
		return this.repository.find(id)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((reservation) -> this.access.require(caller, reservation, Action.READ))
			.flatMap((reservation) -> view(caller, reservation));
	}

	/**
	 * Reservations of an org unit's subtree, of a base, or of both, newest first: the
	 * caller sees the unit or oversees the base.
	 */
	Mono<Page<ReservationView>> list(Caller caller, @Nullable UUID baseId, @Nullable UUID orgId,
			@Nullable ReservationStatus status, PageRequest page) {
		if (baseId == null && orgId == null) {
			return Mono.error(DomainException.invalid(Violation.of("baseId", "baseOrOrg")));
		}
		return allowed(caller, baseId, orgId)
			.thenMany(Flux.defer(() -> this.repository.page(baseId, orgId, status, page)))
			.concatMap((reservation) -> view(caller, reservation))
			.collectList()
			.map((views) -> page.page(views, (view) -> List.of(view.id())));
	}

	/**
	 * Either suffices: seeing the org unit, or overseeing the base (its admin filters by
	 * branch).
	 */
	private Mono<Void> allowed(Caller caller, @Nullable UUID baseId, @Nullable UUID orgId) {
		Mono<Void> ofOrg = (orgId != null) ? this.policy.requireVisible(caller, orgId).then() : Mono.empty();
		if (baseId == null) {
			return ofOrg;
		}
		Mono<Void> ofBase = this.bases.find(baseId)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.then(this.access.oversees(caller, baseId))
			.flatMap((oversees) -> oversees ? Mono.<Void>empty() : Mono.error(DomainException.forbidden()));
		return (orgId != null) ? ofBase.onErrorResume(DomainException.class, (refused) -> ofOrg) : ofBase;
	}

	/** The reservation as the caller, who may see it, is shown it. */
	Mono<ReservationView> view(Caller caller, Reservation reservation) {
		return this.access.branch(reservation)
			.map((branch) -> ReservationView.of(reservation, ReservationAccess.showsPhone(caller, reservation, branch),
					this.clock.getZone()));
	}

}
