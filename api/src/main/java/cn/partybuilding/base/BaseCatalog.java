package cn.partybuilding.base;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.base.BaseController.BaseRequest;
import cn.partybuilding.base.BaseController.BaseView;
import cn.partybuilding.base.BaseController.MenuItemBody;
import cn.partybuilding.base.BaseController.Period;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * The catalog of bases: created and changed by org admins of the administering unit, read
 * by every member. A change never overbooks a slot: future slots take the new capacity,
 * or keep the seats already booked there as theirs (the booked count is the floor); and
 * hours or a slot length that would drop a future slot holding seats are refused.
 */
@Service
class BaseCatalog {

	private final BaseRepository repository;

	private final SeatRepository seats;

	private final AccessPolicy access;

	private final TransactionalOperator transactions;

	private final Clock clock;

	BaseCatalog(BaseRepository repository, SeatRepository seats, AccessPolicy access,
			TransactionalOperator transactions, Clock clock) {
		this.repository = repository;
		this.seats = seats;
		this.access = access;
		this.transactions = transactions;
		this.clock = clock;
	}

	Mono<BaseView> create(Caller caller, BaseRequest request) {
		UUID id = Ids.newId();
		return Mono.fromSupplier(() -> base(id, request))
			.flatMap((base) -> this.access.require(caller, base.adminOrgId(), Role.ORG_ADMIN)
				.then(Mono.defer(() -> requireNewItemsOnly(request)))
				.then(this.repository.insert(base).as(this.transactions::transactional)))
			.then(Mono.defer(() -> this.repository.find(id)))
			.map((base) -> BaseView.of(base, null));
	}

	/**
	 * Replaces the base; booking and check-in rules the request leaves out stay as they
	 * are.
	 */
	Mono<BaseView> update(Caller caller, UUID id, BaseRequest request) {
		return Mono.fromSupplier(() -> base(id, request))
			.flatMap((checked) -> this.repository.find(id)
				.switchIfEmpty(Mono.error(DomainException::notFound))
				.flatMap((current) -> this.access.require(caller, current.adminOrgId(), Role.ORG_ADMIN)
					.then(this.access.require(caller, checked.adminOrgId(), Role.ORG_ADMIN))
					.then(Mono.defer(() -> replace(withRules(checked, request, current), givenItemIds(request))
						.as(this.transactions::transactional)))))
			.then(Mono.defer(() -> this.repository.find(id)))
			.map((base) -> BaseView.of(base, null));
	}

	Mono<BaseView> get(UUID id) {
		return this.repository.find(id)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.map((base) -> BaseView.of(base, null));
	}

	Mono<Page<BaseView>> list(@Nullable BaseType type, @Nullable String near, PageRequest page) {
		GeoPoint point = (near == null || near.isBlank()) ? null
				: GeoPoint.parse(near).orElseThrow(() -> DomainException.invalid(Violation.of("near", "near")));
		return this.repository.page(type, point, page)
			.map((rows) -> page.page(rows,
					(row) -> (row.distanceMeters() != null)
							? List.of(Double.toString(row.distanceMeters()), row.base().id().toString())
							: List.of(row.base().id().toString())))
			.map((rows) -> rows.map((row) -> BaseView.of(row.base(), row.distanceMeters())));
	}

	/**
	 * Replaces the base in one transaction: the row first (locking it, so bookings of its
	 * seats wait), then a check that every future slot holding seats is still a slot,
	 * then the capacity of future slots. Items to keep must be this base's.
	 */
	private Mono<Void> replace(Base changed, List<UUID> keptItems) {
		ZoneId zone = this.clock.getZone();
		SlotGrid grid = changed.grid(zone);
		return this.repository.allMenuItemIds(changed.id()).flatMap((known) -> {
			List<UUID> unknown = keptItems.stream().filter((itemId) -> !known.contains(itemId)).toList();
			return unknown.isEmpty() ? Mono.empty() : Mono.error(unknownItems(unknown));
		})
			.then(this.repository.update(changed))
			.then(this.seats.heldAfter(changed.id(), this.clock.instant()))
			.flatMap((held) -> {
				List<SlotSeats> dropped = held.stream().filter((seats) -> !grid.contains(seats.slot())).toList();
				if (!dropped.isEmpty()) {
					return Mono.error(new DomainException(ErrorCode.BASE_SLOTS_BOOKED, dropped.size()));
				}
				return this.seats.changeCapacity(changed.id(), changed.capacity(), this.clock.instant());
			});
	}

	private static Mono<Void> requireNewItemsOnly(BaseRequest request) {
		List<UUID> given = givenItemIds(request);
		return given.isEmpty() ? Mono.empty() : Mono.error(unknownItems(given));
	}

	/** The menu items the request names by id: items that are to stay on the menu. */
	private static List<UUID> givenItemIds(BaseRequest request) {
		return request.menu().stream().map(MenuItemBody::id).filter((id) -> id != null).toList();
	}

	private static DomainException unknownItems(List<UUID> ids) {
		return new DomainException(ErrorCode.MENU_ITEM_UNKNOWN, List.of(),
				Map.of("menuItemIds", ids.stream().map(UUID::toString).toList()), ids.size());
	}

	/**
	 * The base with the booking and check-in rules the request gives, or those of
	 * {@code current}.
	 */
	private static Base withRules(Base base, BaseRequest request, Base current) {
		return new Base(base.id(), base.name(), base.type(), base.address(), base.lat(), base.lng(), base.capacity(),
				base.openingHours(), base.slotMinutes(), base.menu(), base.adminOrgId(),
				Objects.requireNonNullElse(request.bookingHorizonDays(), current.bookingHorizonDays()),
				Objects.requireNonNullElse(request.maxPendingPerBranch(), current.maxPendingPerBranch()),
				Objects.requireNonNullElse(request.checkInRadiusMeters(), current.checkInRadiusMeters()));
	}

	/**
	 * The base the request describes (booking and check-in rules it leaves out at their
	 * defaults), or a 400 naming what is wrong with its hours or menu.
	 */
	private static Base base(UUID id, BaseRequest request) {
		List<OpeningPeriod> hours = request.openingHours().stream().map(Period::toPeriod).toList();
		List<Violation> violations = new ArrayList<>(OpeningHours.check(hours, request.slotMinutes()));
		Set<UUID> seen = new HashSet<>();
		List<MenuItem> menu = new ArrayList<>();
		for (int i = 0; i < request.menu().size(); i++) {
			MenuItemBody item = request.menu().get(i);
			if (item.id() != null && !seen.add(item.id())) {
				violations.add(Violation.of("menu[" + i + "].id", "duplicate"));
			}
			menu.add(new MenuItem((item.id() != null) ? item.id() : Ids.newId(), item.name().trim(), item.minutes()));
		}
		if (!violations.isEmpty()) {
			throw DomainException.invalid(violations.toArray(Violation[]::new));
		}
		return new Base(id, request.name().trim(), request.type(), request.address().trim(), request.lat(),
				request.lng(), request.capacity(), hours, request.slotMinutes(), menu, request.adminOrgId(),
				Objects.requireNonNullElse(request.bookingHorizonDays(), Base.DEFAULT_BOOKING_HORIZON_DAYS),
				Objects.requireNonNullElse(request.maxPendingPerBranch(), Base.DEFAULT_MAX_PENDING_PER_BRANCH),
				Objects.requireNonNullElse(request.checkInRadiusMeters(), Base.DEFAULT_CHECK_IN_RADIUS_METERS));
	}

}
