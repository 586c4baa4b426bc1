package cn.partybuilding.notification.device;

import java.time.Clock;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The devices members receive push messages on. A token belongs to the member who registered it last (a phone that
 * changes hands moves with its token); a member keeps at most {@link #PER_MEMBER} devices, the newest.
 */
@Service
public class Devices {

	/** Enough for a phone, a tablet and a few reinstalls; older registrations are dropped. */
	public static final int PER_MEMBER = 10;

	private final DatabaseClient db;

	private final Clock clock;

	Devices(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	public Mono<Device> register(UUID memberId, Platform platform, String token) {
		Device device = new Device(token, memberId, platform, this.clock.instant());
		return this.db.sql("""
				INSERT INTO devices (token, member_id, platform, created_at) VALUES (:token, :member, :platform, :now)
				ON CONFLICT (token) DO UPDATE SET member_id = excluded.member_id, platform = excluded.platform,
				    created_at = excluded.created_at""")
			.bind("token", token)
			.bind("member", memberId)
			.bind("platform", platform.name())
			.bind("now", device.registeredAt())
			.then()
			.then(this.db.sql("""
					DELETE FROM devices WHERE member_id = :member AND token NOT IN (
					    SELECT token FROM devices WHERE member_id = :member ORDER BY created_at DESC, token LIMIT :keep)""")
				.bind("member", memberId)
				.bind("keep", PER_MEMBER)
				.then())
			.thenReturn(device);
	}

	/** Removes the member's device; {@code false} when the member has no device with that token. */
	public Mono<Boolean> remove(UUID memberId, String token) {
		return this.db.sql("DELETE FROM devices WHERE token = :token AND member_id = :member")
			.bind("token", token)
			.bind("member", memberId)
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	/** Drops a token the push gateway called invalid, whoever it belongs to. */
	public Mono<Void> drop(String token) {
		return this.db.sql("DELETE FROM devices WHERE token = :token").bind("token", token).then();
	}

	public Flux<Device> ofMember(UUID memberId) {
		return this.db.sql("SELECT token, member_id, platform, created_at FROM devices WHERE member_id = :member "
				+ "ORDER BY created_at DESC, token")
			.bind("member", memberId)
			.map(Devices::device)
			.all();
	}

	private static Device device(Readable row) {
		return new Device(row.get("token", String.class), row.get("member_id", UUID.class),
				Platform.valueOf(row.get("platform", String.class)), row.get("created_at", java.time.Instant.class));
	}

}
