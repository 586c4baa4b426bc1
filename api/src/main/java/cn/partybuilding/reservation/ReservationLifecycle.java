package cn.partybuilding.reservation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.base.Bases;
import cn.partybuilding.base.Seats;
import cn.partybuilding.member.Memberships;
import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.org.Orgs;
import cn.partybuilding.reservation.ReservationAccess.Action;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Decisions;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * What happens to a reservation after booking. Pending → approved or rejected by the
 * base's admin; pending or approved → cancelled by the branch's secretary or the base's
 * admin; approved → completed by the base's admin once its slot has begun, with the
 * attendees. Each change is a conditional update, so of two concurrent changes one
 * applies and the other finds the new state ({@code ILLEGAL_STATE}). Rejecting and
 * cancelling give the seats back in the same transaction; every outcome and every
 * attendee's visit is recorded there too.
 */
@Service
public class ReservationLifecycle {

	private static final List<ReservationStatus> PENDING = List.of(ReservationStatus.PENDING);

	private static final List<ReservationStatus> HOLDING_SEATS = List.of(ReservationStatus.PENDING,
			ReservationStatus.APPROVED);

	private final ReservationRepository repository;

	private final ReservationAccess access;

	private final Bases bases;

	private final Seats seats;

	private final ReservationOutcomes outcomes;

	private final BaseVisits visits;

	private final Memberships memberships;

	private final Orgs orgs;

	private final TransactionalOperator transactions;

	private final Clock clock;

	ReservationLifecycle(ReservationRepository repository, ReservationAccess access, Bases bases, Seats seats,
			ReservationOutcomes outcomes, BaseVisits visits, Memberships memberships, Orgs orgs,
			TransactionalOperator transactions, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.bases = bases;
		this.seats = seats;
		this.outcomes = outcomes;
		this.visits = visits;
		this.memberships = memberships;
		this.orgs = orgs;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<Reservation> approve(Caller caller, UUID id) {
		return load(caller, id, Action.DECIDE).doOnNext((reservation) -> notOwnBooking(caller, reservation))
			.flatMap((reservation) -> change(caller, reservation, PENDING, ReservationStatus.APPROVED, null, "approve")
				.flatMap((approved) -> recordOutcome(caller, approved).thenReturn(approved))
				.as(this.transactions::transactional));
	}

	public Mono<Reservation> reject(Caller caller, UUID id, String reason) {
		return load(caller, id, Action.DECIDE).doOnNext((reservation) -> notOwnBooking(caller, reservation))
			.flatMap((reservation) -> end(caller, reservation, PENDING, ReservationStatus.REJECTED, reason, "reject"));
	}

	public Mono<Reservation> cancel(Caller caller, UUID id) {
		return load(caller, id, Action.CANCEL).flatMap(
				(reservation) -> end(caller, reservation, HOLDING_SEATS, ReservationStatus.CANCELLED, null, "cancel"));
	}

	/**
	 * Completes the visit with the members who attended, all of the booking branch's
	 * subtree and no more than the headcount: each gets one visit, and the visit counts
	 * as the branch's organizational life. Only those who checked in at the base earn its
	 * {@code BASE_VISIT_COMPLETED} event: the base's admin names who came, but cannot
	 * mint points for members who were not there.
	 */
	public Mono<Reservation> complete(Caller caller, UUID id, List<UUID> attendees) {
		List<UUID> distinct = attendees.stream().distinct().toList();
		return load(caller, id, Action.DECIDE).flatMap((reservation) -> {
			if (reservation.status() != ReservationStatus.APPROVED) {
				return Mono.error(DomainException.illegalState(reservation.status().name(), "complete"));
			}
			if (reservation.start().isAfter(this.clock.instant())) {
				return Mono.error(new DomainException(ErrorCode.VISIT_NOT_STARTED));
			}
			if (distinct.size() > reservation.headcount()) {
				return Mono.error(new DomainException(ErrorCode.ATTENDEES_ABOVE_HEADCOUNT, List.of(),
						Map.of("headcount", reservation.headcount()), reservation.headcount()));
			}
			return outsideBranch(reservation, distinct)
				.flatMap((outsiders) -> outsiders.isEmpty() ? Mono.empty()
						: Mono.error(new DomainException(ErrorCode.ATTENDEES_NOT_IN_BRANCH, List.of(),
								Map.of("memberIds", outsiders.stream().map(UUID::toString).toList()),
								outsiders.size())))
				.then(change(caller, reservation, List.of(ReservationStatus.APPROVED), ReservationStatus.COMPLETED,
						null, "complete"))
				.flatMap((completed) -> this.visits.record(completed, distinct).thenReturn(completed))
				.as(this.transactions::transactional);
		});
	}

	/**
	 * A base admin who booked for their own branch in the app does not decide on that
	 * booking. A booking they entered for a branch that called or walked in is the
	 * branch's request, not theirs.
	 */
	private static void notOwnBooking(Caller caller, Reservation reservation) {
		Decisions.requireNotOwn(caller, reservation.bookingSecretary());
	}

	/**
	 * Rejects or cancels: the change, the seats given back and the outcome, in one
	 * transaction.
	 */
	private Mono<Reservation> end(Caller caller, Reservation reservation, List<ReservationStatus> from,
			ReservationStatus to, @Nullable String reason, String action) {
		return this.bases.findForSeats(reservation.baseId())
			.then(change(caller, reservation, from, to, reason, action))
			.flatMap((ended) -> this.seats.release(ended.baseId(), ended.slotStarts(), ended.headcount())
				.then(recordOutcome(caller, ended))
				.thenReturn(ended))
			.as(this.transactions::transactional);
	}

	private Mono<Reservation> change(Caller caller, Reservation reservation, List<ReservationStatus> from,
			ReservationStatus to, @Nullable String reason, String action) {
		return this.repository.transition(reservation.id(), from, to, reason, caller.id(), this.clock.instant())
			.switchIfEmpty(Mono.defer(() -> this.repository.find(reservation.id())
				.flatMap((current) -> Mono.error(DomainException.illegalState(current.status().name(), action)))));
	}

	private Mono<Void> recordOutcome(Caller caller, Reservation reservation) {
		// Just changed: decided by the caller, now.
		return this.outcomes.record(new ReservationOutcome(Ids.newId(), reservation.id(), reservation.baseId(),
				reservation.orgId(), reservation.status(), reservation.reason(), reservation.bookingSecretary(),
				caller.id(), Objects.requireNonNull(reservation.decidedAt())));
	}

	/** The attendees who are not members of a branch in the booking branch's subtree. */
	private Mono<List<UUID>> outsideBranch(Reservation reservation, List<UUID> attendees) {
		return this.orgs.find(reservation.orgId())
			.flatMap((branch) -> Flux.fromIterable(attendees)
				.flatMapSequential(
						(member) -> inSubtree(branch, member).filter((inside) -> !inside).map((outside) -> member), 16)
				.collectList());
	}

	private Mono<Boolean> inSubtree(OrgUnit branch, UUID member) {
		return this.memberships.branchOf(member).flatMap(this.orgs::find).map(branch::covers).defaultIfEmpty(false);
	}

	private Mono<Reservation> load(Caller caller, UUID id, Action action) {
		return this.repository.find(id)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((reservation) -> this.access.require(caller, reservation, action));
	}

}
