package cn.partybuilding.notification.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.notification.NotificationKind;

/** The {@code notifications} table as members' inboxes. */
@Repository
class InboxRepository {

	private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
	};

	private final DatabaseClient db;

	private final JsonMapper json;

	InboxRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Up to {@code limit} notifications of the member older than {@code before} (all when
	 * {@code null}).
	 */
	Flux<InboxEntry> page(UUID memberId, @Nullable UUID before, int limit) {
		String after = (before != null) ? "AND id < :before " : "";
		var spec = this.db
			.sql("SELECT id, kind, params::text AS params, created_at, read_at FROM notifications "
					+ "WHERE member_id = :member " + after + "ORDER BY id DESC LIMIT :limit")
			.bind("member", memberId)
			.bind("limit", limit);
		if (before != null) {
			spec = spec.bind("before", before);
		}
		return spec.map(this::entry).all();
	}

	Mono<InboxEntry> find(UUID memberId, UUID id) {
		return this.db
			.sql("SELECT id, kind, params::text AS params, created_at, read_at FROM notifications "
					+ "WHERE id = :id AND member_id = :member")
			.bind("id", id)
			.bind("member", memberId)
			.map(this::entry)
			.one();
	}

	/**
	 * Sets the notification's read time unless it has one; empty when the member has no
	 * such notification.
	 */
	Mono<InboxEntry> markRead(UUID memberId, UUID id, Instant now) {
		return this.db.sql("""
				UPDATE notifications SET read_at = COALESCE(read_at, :now) WHERE id = :id AND member_id = :member
				RETURNING id, kind, params::text AS params, created_at, read_at""")
			.bind("now", now)
			.bind("id", id)
			.bind("member", memberId)
			.map(this::entry)
			.one();
	}

	private InboxEntry entry(Readable row) {
		return new InboxEntry(row.get("id", UUID.class), NotificationKind.valueOf(row.get("kind", String.class)),
				this.json.readValue(row.get("params", String.class), PARAMS), row.get("created_at", Instant.class),
				row.get("read_at", Instant.class));
	}

}
