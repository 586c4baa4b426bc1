package cn.partybuilding.reservation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.base.Base;
import cn.partybuilding.base.Bases;
import cn.partybuilding.base.Seats;
import cn.partybuilding.base.SlotGrid.Placement;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.org.OrgType;
import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.org.Orgs;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Books slots of a base for a branch. In the app, WeChat or on the web the branch's
 * secretary books; by hotline or walk-in the base's admin enters the booking for any
 * branch. The seats are taken in the transaction that stores the reservation, by a
 * conditional update per slot: when a slot lacks room the whole booking is refused with
 * {@code SLOT_FULL} and nothing is kept.
 * <p>
 * Nobody hoards a base with bookings that wait for approval: a booking reaches at most
 * the base's horizon ahead ({@code BOOKING_BEYOND_HORIZON}), and a branch holds at most
 * the base's number of bookings awaiting approval there
 * ({@code TOO_MANY_PENDING_BOOKINGS}), counted under a lock of that branch at that base
 * so that bookings made at the same moment are counted one after the other.
 */
@Service
public class Bookings {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private final Bases bases;

	private final Seats seats;

	private final Orgs orgs;

	private final AccessPolicy access;

	private final ReservationRepository repository;

	private final TransactionalOperator transactions;

	private final Clock clock;

	Bookings(Bases bases, Seats seats, Orgs orgs, AccessPolicy access, ReservationRepository repository,
			TransactionalOperator transactions, Clock clock) {
		this.bases = bases;
		this.seats = seats;
		this.orgs = orgs;
		this.access = access;
		this.repository = repository;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The reservation with this id, whoever asks (for other features; the API checks
	 * scope itself).
	 */
	public Mono<Reservation> find(UUID id) {
		return this.repository.find(id);
	}

	/** Places the booking as the caller; the new reservation is pending. */
	public Mono<Reservation> book(Caller caller, NewReservation booking) {
		return bookingBranch(caller, booking).then(Mono.defer(() -> this.bases.findForSeats(booking.baseId())))
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((base) -> {
				Instant now = this.clock.instant();
				Placement.Placed placed = place(base, booking, now);
				Reservation reservation = new Reservation(booking.id(), base.id(), booking.orgId(), placed.start(),
						placed.end(), base.slotMinutes(), booking.headcount(), booking.menuItemIds(), booking.channel(),
						booking.contactName(), booking.contactPhone(), ReservationStatus.PENDING, null, caller.id(),
						now, null, null);
				return this.repository.lockPending(base.id(), booking.orgId())
					.then(this.repository.countPending(base.id(), booking.orgId(), now))
					.flatMap((pending) -> (pending >= base.maxPendingPerBranch())
							? Mono.error(new DomainException(ErrorCode.TOO_MANY_PENDING_BOOKINGS, pending))
							: this.seats.hold(base, placed.slots(), booking.headcount()))
					.filter(Boolean::booleanValue)
					.switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.SLOT_FULL)))
					.then(this.repository.insert(reservation))
					.thenReturn(reservation);
			})
			.as(this.transactions::transactional);
	}

	/**
	 * The branch the booking is for, if the caller may book for it: its secretary in the
	 * app channels, the base's admin for hotline and walk-in bookings.
	 */
	private Mono<OrgUnit> bookingBranch(Caller caller, NewReservation booking) {
		Mono<OrgUnit> branch;
		if (booking.channel().enteredByBase()) {
			branch = (caller.isSysAdmin() || caller.scopesOf(Role.BASE_ADMIN).contains(booking.baseId()))
					? this.orgs.find(booking.orgId()).switchIfEmpty(Mono.error(DomainException::notFound))
					: Mono.error(DomainException.forbidden());
		}
		else {
			branch = this.access.require(caller, booking.orgId(), Role.SECRETARY);
		}
		return branch.filter((unit) -> unit.type() == OrgType.BRANCH)
			.switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.BRANCH_REQUIRED)));
	}

	/** Where the booking lies on the base's grid, or why it cannot be booked. */
	private Placement.Placed place(Base base, NewReservation booking, Instant now) {
		if (booking.headcount() > base.capacity()) {
			throw new DomainException(ErrorCode.HEADCOUNT_OVER_CAPACITY, base.capacity());
		}
		List<UUID> unknown = base.notOnMenu(booking.menuItemIds());
		if (!unknown.isEmpty()) {
			throw new DomainException(ErrorCode.MENU_ITEM_UNKNOWN, List.of(),
					Map.of("menuItemIds", unknown.stream().map(UUID::toString).toList()), unknown.size());
		}
		ZoneId zone = this.clock.getZone();
		// By local dates: with a horizon of 60 days, any slot of the 60th day from today
		// may be booked.
		LocalDate lastDay = LocalDate.ofInstant(now, zone).plusDays(base.bookingHorizonDays());
		if (LocalDate.ofInstant(booking.start(), zone).isAfter(lastDay)) {
			throw new DomainException(ErrorCode.BOOKING_BEYOND_HORIZON, List.of(),
					Map.of("bookingHorizonDays", base.bookingHorizonDays()), base.bookingHorizonDays());
		}
		Placement placement = base.grid(zone).place(booking.start(), base.minutesOf(booking.menuItemIds()));
		return switch (placement) {
			case Placement.OffGrid offGrid -> throw new DomainException(ErrorCode.SLOT_INVALID);
			case Placement.PastClosing past ->
				throw new DomainException(ErrorCode.PAST_CLOSING, HH_MM.format(past.closes().atZone(zone)));
			case Placement.Placed placed -> {
				// A group that walks in may join a slot that has begun; any other booking
				// is made beforehand.
				Instant deadline = (booking.channel() == Channel.WALK_IN) ? placed.end() : placed.start();
				if (!deadline.isAfter(now)) {
					throw new DomainException(ErrorCode.SLOT_PASSED);
				}
				yield placed;
			}
		};
	}

}
