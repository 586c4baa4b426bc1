package cn.partybuilding.notification.device;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code devices} table: one row per push token, owned by the member who registered
 * it last.
 */
@Repository
class DeviceRepository {

	private final DatabaseClient db;

	DeviceRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Stores the device, moving its token to its member if another had it. */
	Mono<Void> save(Device device) {
		return this.db.sql("""
				INSERT INTO devices (token, member_id, platform, created_at) VALUES (:token, :member, :platform, :now)
				ON CONFLICT (token) DO UPDATE SET member_id = excluded.member_id, platform = excluded.platform,
				    created_at = excluded.created_at""")
			.bind("token", device.token())
			.bind("member", device.memberId())
			.bind("platform", device.platform().name())
			.bind("now", device.registeredAt())
			.then();
	}

	/** Deletes all but the member's {@code keep} newest devices. */
	Mono<Void> keepNewest(UUID memberId, int keep) {
		return this.db.sql("""
				DELETE FROM devices WHERE member_id = :member AND token NOT IN (
				    SELECT token FROM devices WHERE member_id = :member ORDER BY created_at DESC, token LIMIT :keep)""")
			.bind("member", memberId)
			.bind("keep", keep)
			.then();
	}

	/** Deletes the member's device; whether the member had one with that token. */
	Mono<Boolean> delete(UUID memberId, String token) {
		return this.db.sql("DELETE FROM devices WHERE token = :token AND member_id = :member")
			.bind("token", token)
			.bind("member", memberId)
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	/** Deletes the token, whoever it belongs to. */
	Mono<Void> delete(String token) {
		return this.db.sql("DELETE FROM devices WHERE token = :token").bind("token", token).then();
	}

	Flux<Device> ofMember(UUID memberId) {
		return this.db
			.sql("SELECT token, member_id, platform, created_at FROM devices WHERE member_id = :member "
					+ "ORDER BY created_at DESC, token")
			.bind("member", memberId)
			.map(DeviceRepository::device)
			.all();
	}

	private static Device device(Readable row) {
		return new Device(row.get("token", String.class), row.get("member_id", UUID.class),
				Platform.valueOf(row.get("platform", String.class)), row.get("created_at", Instant.class));
	}

}
