package cn.partybuilding.notification.publishing;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.notification.SqlParameters;

/**
 * The {@code notifications} table as the publisher writes it: once per kind, member and
 * source.
 */
@Repository
class NotificationRepository {

	private final DatabaseClient db;

	private final JsonMapper json;

	NotificationRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Stores the notification under the id; the id, or empty when the request was stored
	 * before.
	 */
	Mono<UUID> insert(UUID id, NotificationRequest request, Instant now) {
		return this.db.sql("""
				INSERT INTO notifications (id, member_id, kind, source_id, params, deadline, created_at)
				VALUES (:id, :member, :kind, :source, CAST(:params AS jsonb), :deadline, :now)
				ON CONFLICT ON CONSTRAINT notifications_once DO NOTHING
				RETURNING id""")
			.bind("id", id)
			.bind("member", request.memberId())
			.bind("kind", request.kind().name())
			.bind("source", request.sourceId())
			.bind("params", this.json.writeValueAsString(request.params()))
			.bind("deadline", SqlParameters.nullable(request.deadline(), Instant.class))
			.bind("now", now)
			.map((row) -> row.get("id", UUID.class))
			.one();
	}

}
