package cn.partybuilding.reservation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.personaldata.PersonalDataCipher;
import cn.partybuilding.system.Parameters;
import cn.partybuilding.web.paging.Keyset;
import cn.partybuilding.web.paging.PageRequest;

/**
 * Reservations, the contact's phone number encrypted at rest; status changes are
 * conditional updates.
 */
@Repository
class ReservationRepository {

	private static final String COLUMNS = "r.id, r.base_id, r.org_id, r.starts_at, r.ends_at, r.slot_minutes, "
			+ "r.headcount, r.menu_item_ids, r.channel, r.contact_name, r.contact_phone_cipher, r.status, r.reason, "
			+ "r.created_by, r.created_at, r.decided_by, r.decided_at";

	private static final Keyset NEWEST = Keyset.descending(Keyset.uuid("r.id"));

	/** The advisory lock namespace of a branch's pending bookings at a base ("RSVP"). */
	private static final int PENDING_LOCK = 0x52535650;

	private final DatabaseClient db;

	private final PersonalDataCipher cipher;

	ReservationRepository(DatabaseClient db, PersonalDataCipher cipher) {
		this.db = db;
		this.cipher = cipher;
	}

	Mono<Void> insert(Reservation reservation) {
		return this.db.sql("""
				INSERT INTO reservations (id, base_id, org_id, starts_at, ends_at, slot_minutes, headcount,
				                          menu_item_ids, channel, contact_name, contact_phone_cipher, status,
				                          created_by, created_at)
				VALUES (:id, :base, :org, :start, :end, :slotMinutes, :headcount, :menu, :channel, :contactName,
				        :contactPhone, :status, :createdBy, :createdAt)""")
			.bind("id", reservation.id())
			.bind("base", reservation.baseId())
			.bind("org", reservation.orgId())
			.bind("start", reservation.start())
			.bind("end", reservation.end())
			.bind("slotMinutes", reservation.slotMinutes())
			.bind("headcount", reservation.headcount())
			.bind("menu", reservation.menuItemIds().toArray(UUID[]::new))
			.bind("channel", reservation.channel().name())
			.bind("contactName", reservation.contactName())
			.bind("contactPhone", this.cipher.encrypt(reservation.contactPhone(), reservation.id()))
			.bind("status", reservation.status().name())
			.bind("createdBy", reservation.createdBy())
			.bind("createdAt", reservation.createdAt())
			.then();
	}

	/**
	 * Takes the lock of a branch's pending bookings at a base until the transaction ends:
	 * bookings of one branch at one base are counted and stored one after the other, so
	 * two made at the same moment never both see room for one more. A statement of its
	 * own: a statement that waited for the lock would count with the snapshot it took
	 * before waiting, missing the booking it waited for.
	 */
	Mono<Void> lockPending(UUID baseId, UUID orgId) {
		return this.db.sql("SELECT pg_advisory_xact_lock(:ns, hashtext(:key))")
			.bind("ns", PENDING_LOCK)
			.bind("key", baseId + ":" + orgId)
			.then();
	}

	/**
	 * How many bookings of the branch at the base await approval and have not ended: a
	 * booking whose slot passed without a decision holds nothing anyone could still use,
	 * and must not lock the branch out.
	 */
	Mono<Integer> countPending(UUID baseId, UUID orgId, Instant now) {
		return this.db.sql("""
				SELECT count(*) AS n FROM reservations
				WHERE base_id = :base AND org_id = :org AND status = 'PENDING' AND ends_at > :now""")
			.bind("base", baseId)
			.bind("org", orgId)
			.bind("now", now)
			.map((row) -> row.get("n", Long.class).intValue())
			.one();
	}

	Mono<Reservation> find(UUID id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM reservations r WHERE r.id = :id")
			.bind("id", id)
			.map(this::read)
			.one();
	}

	/**
	 * Moves the reservation to {@code to} if it is in one of {@code from}, atomically: of
	 * two concurrent changes only one finds it in the state it expects. Empty when it was
	 * not.
	 */
	Mono<Reservation> transition(UUID id, List<ReservationStatus> from, ReservationStatus to, @Nullable String reason,
			UUID by, Instant at) {
		return this.db
			.sql("UPDATE reservations r SET status = :to, reason = coalesce(:reason, r.reason), "
					+ "decided_by = :by, decided_at = :at WHERE r.id = :id AND r.status = ANY(:from::text[]) RETURNING "
					+ COLUMNS)
			.bind("id", id)
			.bind("from", from.stream().map(ReservationStatus::name).toArray(String[]::new))
			.bind("to", to.name())
			.bind("reason", Parameters.nullable(reason, String.class))
			.bind("by", by)
			.bind("at", at)
			.map(this::read)
			.one();
	}

	/**
	 * Reservations of a base, or of the branches in an org unit's subtree (or both), in a
	 * status or any, newest first.
	 */
	Flux<Reservation> page(@Nullable UUID baseId, @Nullable UUID subtreeOf, @Nullable ReservationStatus status,
			PageRequest page) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM reservations r");
		if (subtreeOf != null) {
			sql.append(" JOIN orgs o ON o.id = r.org_id AND o.path @> ARRAY[:org]::uuid[]");
		}
		sql.append(" WHERE true");
		if (baseId != null) {
			sql.append(" AND r.base_id = :base");
		}
		if (status != null) {
			sql.append(" AND r.status = :status");
		}
		sql.append(NEWEST.condition(page)).append(NEWEST.orderAndLimit());
		var spec = this.db.sql(sql.toString());
		if (subtreeOf != null) {
			spec = spec.bind("org", subtreeOf);
		}
		if (baseId != null) {
			spec = spec.bind("base", baseId);
		}
		if (status != null) {
			spec = spec.bind("status", status.name());
		}
		return NEWEST.bind(spec, page).map(this::read).all();
	}

	private Reservation read(Readable row) {
		UUID id = row.get("id", UUID.class);
		return new Reservation(id, row.get("base_id", UUID.class), row.get("org_id", UUID.class),
				row.get("starts_at", Instant.class), row.get("ends_at", Instant.class),
				row.get("slot_minutes", Integer.class), row.get("headcount", Integer.class),
				Arrays.asList(row.get("menu_item_ids", UUID[].class)),
				Channel.valueOf(row.get("channel", String.class)), row.get("contact_name", String.class),
				this.cipher.decrypt(row.get("contact_phone_cipher", byte[].class), id),
				ReservationStatus.valueOf(row.get("status", String.class)), row.get("reason", String.class),
				row.get("created_by", UUID.class), row.get("created_at", Instant.class),
				row.get("decided_by", UUID.class), row.get("decided_at", Instant.class));
	}

}
