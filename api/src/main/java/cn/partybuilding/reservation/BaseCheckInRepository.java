package cn.partybuilding.reservation;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.system.Parameters;

/**
 * Check-ins at bases: at most one per member and reservation, and one device checks in
 * one member, by the unique keys whatever the concurrency.
 */
@Repository
class BaseCheckInRepository {

	private final DatabaseClient db;

	BaseCheckInRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Stores the check-in unless the member has one for the reservation, the device
	 * checked in someone else, the member is no longer active, or the reservation is no
	 * longer approved; whether it was stored. The reservation's row is share-locked while
	 * the check-in is inserted, so a completion (which updates the row) either waits for
	 * it and sees it, or has committed and makes this find the reservation completed.
	 */
	Mono<Boolean> insert(BaseCheckIn checkIn, byte[] deviceHash) {
		return this.db
			.sql("""
					INSERT INTO base_checkins (id, reservation_id, member_id, checked_in_at, method, distance_m, device_hash)
					SELECT :id, r.id, m.id, :at, :method, :distance, :device
					FROM reservations r CROSS JOIN members m
					WHERE r.id = :reservation AND r.status = 'APPROVED'
					  AND m.id = :member AND m.status IN ('PROBATIONARY', 'FULL')
					FOR SHARE OF r
					ON CONFLICT DO NOTHING
					RETURNING id""")
			.bind("id", checkIn.id())
			.bind("reservation", checkIn.reservationId())
			.bind("member", checkIn.memberId())
			.bind("at", checkIn.checkedInAt())
			.bind("method", checkIn.method())
			.bind("distance", Parameters.nullable(checkIn.distanceMeters(), Integer.class))
			.bind("device", deviceHash)
			.map((row) -> true)
			.one()
			.defaultIfEmpty(false);
	}

	Mono<BaseCheckIn> find(UUID reservationId, UUID memberId) {
		return this.db.sql("""
				SELECT id, reservation_id, member_id, checked_in_at, method, distance_m FROM base_checkins
				WHERE reservation_id = :reservation AND member_id = :member""")
			.bind("reservation", reservationId)
			.bind("member", memberId)
			.map(BaseCheckInRepository::read)
			.one();
	}

	/** Whether another check-in for the reservation came from the device. */
	Mono<Boolean> deviceUsed(UUID reservationId, byte[] deviceHash) {
		return this.db
			.sql("SELECT EXISTS (SELECT 1 FROM base_checkins WHERE reservation_id = :reservation "
					+ "AND device_hash = :device) AS used")
			.bind("reservation", reservationId)
			.bind("device", deviceHash)
			.map((row) -> Boolean.TRUE.equals(row.get("used", Boolean.class)))
			.one();
	}

	private static BaseCheckIn read(Readable row) {
		return new BaseCheckIn(row.get("id", UUID.class), row.get("reservation_id", UUID.class),
				row.get("member_id", UUID.class), row.get("checked_in_at", Instant.class),
				row.get("method", String.class), row.get("distance_m", Integer.class));
	}

}
