package cn.partybuilding.notification.preference;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import cn.partybuilding.notification.NotificationKind;

/** Reads and stores members' notification preferences; a member who never set any has the defaults. */
@Service
public class Preferences {

	private static final TypeReference<Map<NotificationKind, KindPreference>> KINDS = new TypeReference<>() {
	};

	private final DatabaseClient db;

	private final JsonMapper json;

	private final Clock clock;

	Preferences(DatabaseClient db, JsonMapper json, Clock clock) {
		this.db = db;
		this.json = json;
		this.clock = clock;
	}

	public Mono<NotificationPreferences> of(UUID memberId) {
		return this.db.sql("SELECT kinds::text AS kinds, quiet_from, quiet_to FROM notification_preferences "
				+ "WHERE member_id = :member")
			.bind("member", memberId)
			.map(this::read)
			.one()
			.defaultIfEmpty(NotificationPreferences.defaults());
	}

	/** The preferences of many members at once (the delivery workers' batches); defaults for those without. */
	public Mono<Map<UUID, NotificationPreferences>> ofMembers(Collection<UUID> memberIds) {
		if (memberIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.db.sql("SELECT member_id, kinds::text AS kinds, quiet_from, quiet_to "
				+ "FROM notification_preferences WHERE member_id = ANY(:members)")
			.bind("members", memberIds.toArray(UUID[]::new))
			.map((row) -> Map.entry(row.get("member_id", UUID.class), read(row)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
			.map((found) -> {
				Map<UUID, NotificationPreferences> all = new HashMap<>(found);
				memberIds.forEach((id) -> all.putIfAbsent(id, NotificationPreferences.defaults()));
				return all;
			});
	}

	/** Replaces the member's preferences; kinds left out keep their defaults. */
	public Mono<NotificationPreferences> save(UUID memberId, NotificationPreferences preferences) {
		Map<NotificationKind, KindPreference> kinds = new LinkedHashMap<>(preferences.kinds());
		QuietHours quiet = preferences.quietHours();
		return this.db.sql("""
				INSERT INTO notification_preferences (member_id, kinds, quiet_from, quiet_to, updated_at)
				VALUES (:member, CAST(:kinds AS jsonb), :from, :to, :now)
				ON CONFLICT (member_id) DO UPDATE SET kinds = excluded.kinds, quiet_from = excluded.quiet_from,
				    quiet_to = excluded.quiet_to, updated_at = excluded.updated_at""")
			.bind("member", memberId)
			.bind("kinds", this.json.writeValueAsString(kinds))
			.bind("from", (quiet != null) ? quiet.from() : Parameters.in(LocalTime.class))
			.bind("to", (quiet != null) ? quiet.to() : Parameters.in(LocalTime.class))
			.bind("now", this.clock.instant())
			.then()
			.thenReturn(preferences);
	}

	private NotificationPreferences read(Readable row) {
		Map<NotificationKind, KindPreference> kinds = new EnumMap<>(NotificationKind.class);
		kinds.putAll(this.json.readValue(row.get("kinds", String.class), KINDS));
		LocalTime from = row.get("quiet_from", LocalTime.class);
		LocalTime to = row.get("quiet_to", LocalTime.class);
		return new NotificationPreferences(kinds, (from != null && to != null) ? new QuietHours(from, to) : null);
	}

}
