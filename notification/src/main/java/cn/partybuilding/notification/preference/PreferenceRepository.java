package cn.partybuilding.notification.preference;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.SqlParameters;

/** The {@code notification_preferences} table: one row per member who set preferences. */
@Repository
class PreferenceRepository {

	private static final TypeReference<Map<NotificationKind, KindPreference>> KINDS = new TypeReference<>() {
	};

	private final DatabaseClient db;

	private final JsonMapper json;

	PreferenceRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/** The member's stored preferences; empty when the member never set any. */
	Mono<NotificationPreferences> find(UUID memberId) {
		return this.db
			.sql("SELECT kinds::text AS kinds, quiet_from, quiet_to FROM notification_preferences "
					+ "WHERE member_id = :member")
			.bind("member", memberId)
			.map(this::read)
			.one();
	}

	/** The stored preferences of those of the members who set any. */
	Mono<Map<UUID, NotificationPreferences>> findAll(Collection<UUID> memberIds) {
		return this.db
			.sql("SELECT member_id, kinds::text AS kinds, quiet_from, quiet_to "
					+ "FROM notification_preferences WHERE member_id = ANY(:members)")
			.bind("members", memberIds.toArray(UUID[]::new))
			.map((row) -> Map.entry(row.get("member_id", UUID.class), read(row)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
	}

	/** Stores the member's preferences in place of those stored before. */
	Mono<Void> save(UUID memberId, NotificationPreferences preferences, Instant now) {
		Map<NotificationKind, KindPreference> kinds = new LinkedHashMap<>(preferences.kinds());
		QuietHours quiet = preferences.quietHours();
		return this.db.sql("""
				INSERT INTO notification_preferences (member_id, kinds, quiet_from, quiet_to, updated_at)
				VALUES (:member, CAST(:kinds AS jsonb), :from, :to, :now)
				ON CONFLICT (member_id) DO UPDATE SET kinds = excluded.kinds, quiet_from = excluded.quiet_from,
				    quiet_to = excluded.quiet_to, updated_at = excluded.updated_at""")
			.bind("member", memberId)
			.bind("kinds", this.json.writeValueAsString(kinds))
			.bind("from", SqlParameters.nullable((quiet != null) ? quiet.from() : null, LocalTime.class))
			.bind("to", SqlParameters.nullable((quiet != null) ? quiet.to() : null, LocalTime.class))
			.bind("now", now)
			.then();
	}

	private NotificationPreferences read(Readable row) {
		Map<NotificationKind, KindPreference> kinds = new EnumMap<>(NotificationKind.class);
		kinds.putAll(this.json.readValue(row.get("kinds", String.class), KINDS));
		LocalTime from = row.get("quiet_from", LocalTime.class);
		LocalTime to = row.get("quiet_to", LocalTime.class);
		return new NotificationPreferences(kinds, (from != null && to != null) ? new QuietHours(from, to) : null);
	}

}
