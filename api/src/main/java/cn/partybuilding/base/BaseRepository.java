package cn.partybuilding.base;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.web.paging.Keyset;
import cn.partybuilding.web.paging.PageRequest;

/**
 * Bases with their opening hours and menus. A menu item taken off the menu is kept
 * (inactive) for old bookings.
 */
@Repository
class BaseRepository {

	private static final String COLUMNS = "b.id, b.name, b.type, b.address, b.lat, b.lng, b.capacity, b.slot_minutes, "
			+ "b.admin_org_id, b.booking_horizon_days, b.max_pending_per_branch, b.checkin_radius_m";

	/** Great-circle distance in metres from (:lat, :lng), by the haversine formula. */
	private static final String DISTANCE = "6371008.8 * 2 * asin(least(1, sqrt(power(sin(radians(b.lat - :lat) / 2), 2)"
			+ " + cos(radians(:lat)) * cos(radians(b.lat)) * power(sin(radians(b.lng - :lng) / 2), 2))))";

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private static final Keyset IN_CREATION_ORDER = Keyset.ascending(Keyset.uuid("d.id"));

	private static final Keyset NEAREST = Keyset.ascending(Keyset.real("d.distance"), Keyset.uuid("d.id"));

	private final DatabaseClient db;

	BaseRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Stores a new base; false (and nothing changed) when a base with its id exists. */
	Mono<Boolean> insert(Base base) {
		return bind(this.db.sql("""
				INSERT INTO bases (id, name, type, address, lat, lng, capacity, slot_minutes, admin_org_id,
				                   booking_horizon_days, max_pending_per_branch, checkin_radius_m)
				VALUES (:id, :name, :type, :address, :lat, :lng, :capacity, :slotMinutes, :adminOrg, :horizon,
				        :maxPending, :radius)
				ON CONFLICT (id) DO NOTHING RETURNING id"""), base).map((row) -> true)
			.one()
			.flatMap((inserted) -> replaceHours(base).then(storeMenu(base)).thenReturn(true))
			.defaultIfEmpty(false);
	}

	/**
	 * Replaces everything about a base (locking its row for the rest of the transaction).
	 */
	Mono<Void> update(Base base) {
		return bind(
				this.db
					.sql("""
							UPDATE bases SET name = :name, type = :type, address = :address, lat = :lat, lng = :lng,
							       capacity = :capacity, slot_minutes = :slotMinutes, admin_org_id = :adminOrg,
							       booking_horizon_days = :horizon, max_pending_per_branch = :maxPending, checkin_radius_m = :radius,
							       updated_at = now()
							WHERE id = :id"""),
				base)
			.then()
			.then(replaceHours(base))
			.then(storeMenu(base));
	}

	Mono<Base> find(UUID id) {
		return one(id, "");
	}

	/**
	 * The base, its row share-locked until the transaction ends: bookings and releases of
	 * seats take this lock, a change of the base takes the row exclusively, so seats are
	 * never counted against hours or a capacity that is being changed.
	 */
	Mono<Base> findShared(UUID id) {
		return one(id, " FOR SHARE");
	}

	/**
	 * The sealed secret of the base's check-in codes; empty when the base has none yet.
	 */
	Mono<byte[]> sealedCodeSecret(UUID id) {
		return this.db.sql("SELECT code_secret FROM bases WHERE id = :id AND code_secret IS NOT NULL")
			.bind("id", id)
			.map((row) -> row.get("code_secret", byte[].class))
			.one();
	}

	/**
	 * Gives the base a sealed code secret unless it has one (of two instances doing it at
	 * once, one wins).
	 */
	Mono<Void> offerCodeSecret(UUID id, byte[] sealed) {
		return this.db.sql("UPDATE bases SET code_secret = :sealed WHERE id = :id AND code_secret IS NULL")
			.bind("id", id)
			.bind("sealed", sealed)
			.then();
	}

	/** Every menu item the base ever had, on the menu or taken off. */
	Mono<List<UUID>> allMenuItemIds(UUID baseId) {
		return this.db.sql("SELECT id FROM base_menu_items WHERE base_id = :base")
			.bind("base", baseId)
			.map((row) -> row.get("id", UUID.class))
			.all()
			.collectList();
	}

	/**
	 * A page of bases, of a type or all, in creation order or, from a point, nearest
	 * first. The keyset position is the id, or the distance and the id; a cursor of the
	 * other order is refused (400).
	 */
	Mono<List<Located>> page(@Nullable BaseType type, @Nullable GeoPoint near, PageRequest page) {
		Keyset order = (near != null) ? NEAREST : IN_CREATION_ORDER;
		String distance = (near != null) ? DISTANCE : "NULL::float8";
		var spec = this.db
			.sql("SELECT * FROM (SELECT " + COLUMNS + ", " + distance + " AS distance FROM bases b) d" + " WHERE true"
					+ ((type != null) ? " AND d.type = :type" : "") + order.condition(page) + order.orderAndLimit());
		if (type != null) {
			spec = spec.bind("type", type.name());
		}
		if (near != null) {
			spec = spec.bind("lat", near.lat()).bind("lng", near.lng());
		}
		return order.bind(spec, page)
			.map((row) -> new Located(header(row), row.get("distance", Double.class)))
			.all()
			.collectList()
			.flatMap((rows) -> complete(rows.stream().map(Located::base).toList()).map((bases) -> {
				List<Located> located = new ArrayList<>(rows.size());
				for (int i = 0; i < rows.size(); i++) {
					located.add(new Located(bases.get(i), rows.get(i).distanceMeters()));
				}
				return located;
			}));
	}

	private Mono<Base> one(UUID id, String lock) {
		return this.db.sql("SELECT " + COLUMNS + " FROM bases b WHERE b.id = :id" + lock)
			.bind("id", id)
			.map(BaseRepository::header)
			.one()
			.flatMap((header) -> complete(List.of(header)).map(List::getFirst));
	}

	/** The bases with their hours and menus, read for all of them at once. */
	private Mono<List<Base>> complete(List<Base> headers) {
		if (headers.isEmpty()) {
			return Mono.just(List.of());
		}
		UUID[] ids = headers.stream().map(Base::id).toArray(UUID[]::new);
		Mono<Map<UUID, List<OpeningPeriod>>> hours = this.db.sql("""
				SELECT base_id, day_of_week, opens_at, closes_at FROM base_opening_hours
				WHERE base_id = ANY(:ids::uuid[]) ORDER BY day_of_week, opens_at""")
			.bind("ids", ids)
			.map((row) -> Map.entry(row.get("base_id", UUID.class),
					new OpeningPeriod(DayOfWeek.of(row.get("day_of_week", Integer.class)),
							row.get("opens_at", LocalTime.class), row.get("closes_at", LocalTime.class))))
			.all()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		Mono<Map<UUID, List<MenuItem>>> menus = this.db.sql("""
				SELECT id, base_id, name, minutes FROM base_menu_items
				WHERE base_id = ANY(:ids::uuid[]) AND active ORDER BY position, id""")
			.bind("ids", ids)
			.map((row) -> Map.entry(row.get("base_id", UUID.class),
					new MenuItem(row.get("id", UUID.class), row.get("name", String.class),
							row.get("minutes", Integer.class))))
			.all()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return Mono.zip(hours, menus)
			.map((both) -> headers.stream()
				.map((base) -> new Base(base.id(), base.name(), base.type(), base.address(), base.lat(), base.lng(),
						base.capacity(), both.getT1().getOrDefault(base.id(), List.of()), base.slotMinutes(),
						both.getT2().getOrDefault(base.id(), List.of()), base.adminOrgId(), base.bookingHorizonDays(),
						base.maxPendingPerBranch(), base.checkInRadiusMeters()))
				.toList());
	}

	private Mono<Void> replaceHours(Base base) {
		Mono<Void> delete = this.db.sql("DELETE FROM base_opening_hours WHERE base_id = :base")
			.bind("base", base.id())
			.then();
		if (base.openingHours().isEmpty()) {
			return delete;
		}
		List<OpeningPeriod> hours = base.openingHours();
		return delete.then(this.db
			.sql("""
					INSERT INTO base_opening_hours (base_id, day_of_week, opens_at, closes_at)
					SELECT :base, d, o::time, c::time FROM unnest(:days::int[], :opens::text[], :closes::text[]) AS t(d, o, c)""")
			.bind("base", base.id())
			.bind("days", hours.stream().map((period) -> period.dayOfWeek().getValue()).toArray(Integer[]::new))
			.bind("opens", hours.stream().map((period) -> HH_MM.format(period.from())).toArray(String[]::new))
			.bind("closes", hours.stream().map((period) -> HH_MM.format(period.to())).toArray(String[]::new))
			.then());
	}

	/**
	 * Puts the base's menu in place: listed items on it in order, items no longer listed
	 * taken off.
	 */
	private Mono<Void> storeMenu(Base base) {
		UUID[] ids = base.menu().stream().map(MenuItem::id).toArray(UUID[]::new);
		Mono<Void> takeOff = this.db.sql("""
				UPDATE base_menu_items SET active = false
				WHERE base_id = :base AND active AND id <> ALL(:ids::uuid[])""")
			.bind("base", base.id())
			.bind("ids", ids)
			.then();
		if (ids.length == 0) {
			return takeOff;
		}
		return takeOff.then(this.db.sql("""
				INSERT INTO base_menu_items (id, base_id, name, minutes, position, active)
				SELECT i, :base, n, m, p, true FROM unnest(:ids::uuid[], :names::text[], :minutes::int[])
				    WITH ORDINALITY AS t(i, n, m, p)
				ON CONFLICT (id) DO UPDATE SET name = excluded.name, minutes = excluded.minutes,
				    position = excluded.position, active = true
				WHERE base_menu_items.base_id = excluded.base_id""")
			.bind("base", base.id())
			.bind("ids", ids)
			.bind("names", base.menu().stream().map(MenuItem::name).toArray(String[]::new))
			.bind("minutes", base.menu().stream().map(MenuItem::minutes).toArray(Integer[]::new))
			.then());
	}

	/** Binds the columns of the base's own row. */
	private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Base base) {
		return spec.bind("id", base.id())
			.bind("name", base.name())
			.bind("type", base.type().name())
			.bind("address", base.address())
			.bind("lat", base.lat())
			.bind("lng", base.lng())
			.bind("capacity", base.capacity())
			.bind("slotMinutes", base.slotMinutes())
			.bind("adminOrg", base.adminOrgId())
			.bind("horizon", base.bookingHorizonDays())
			.bind("maxPending", base.maxPendingPerBranch())
			.bind("radius", base.checkInRadiusMeters());
	}

	private static Base header(Readable row) {
		return new Base(row.get("id", UUID.class), row.get("name", String.class),
				BaseType.valueOf(row.get("type", String.class)), row.get("address", String.class),
				row.get("lat", Double.class), row.get("lng", Double.class), row.get("capacity", Integer.class),
				List.of(), row.get("slot_minutes", Integer.class), List.of(), row.get("admin_org_id", UUID.class),
				row.get("booking_horizon_days", Integer.class), row.get("max_pending_per_branch", Integer.class),
				row.get("checkin_radius_m", Integer.class));
	}

	/**
	 * A base with its distance from the point asked about.
	 *
	 * @param distanceMeters metres from the point; none when no point was given
	 */
	record Located(Base base, @Nullable Double distanceMeters) {
	}

}
