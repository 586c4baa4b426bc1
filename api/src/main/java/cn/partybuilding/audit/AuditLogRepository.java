package cn.partybuilding.audit;

import java.time.Instant;
import java.util.List;
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

import cn.partybuilding.system.Parameters;
import cn.partybuilding.web.paging.Keyset;
import cn.partybuilding.web.paging.PageRequest;

/**
 * The {@code audit_log} table: appended to, counted and read newest first; never updated.
 */
@Repository
class AuditLogRepository {

	private static final Keyset NEWEST = Keyset.descending(Keyset.uuid("a.id"));

	private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
	};

	private final DatabaseClient db;

	private final JsonMapper json;

	AuditLogRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	Mono<Void> append(UUID id, Instant at, AuditEntry entry) {
		return this.db.sql("""
				INSERT INTO audit_log (id, at, actor_id, action, target_type, target_id, org_id, details)
				VALUES (:id, :at, :actor, :action, :targetType, :targetId, :org, CAST(:details AS jsonb))""")
			.bind("id", id)
			.bind("at", at)
			.bind("actor", Parameters.nullable(entry.actorId(), UUID.class))
			.bind("action", entry.action())
			.bind("targetType", entry.targetType())
			.bind("targetId", Parameters.nullable(entry.targetId(), String.class))
			.bind("org", Parameters.nullable(entry.orgId(), UUID.class))
			.bind("details", this.json.writeValueAsString(entry.details()))
			.then();
	}

	Mono<Long> count(UUID actorId, String action, Instant since) {
		return this.db
			.sql("SELECT count(*) AS n FROM audit_log WHERE actor_id = :actor AND action = :action "
					+ "AND at >= :since")
			.bind("actor", actorId)
			.bind("action", action)
			.bind("since", since)
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	/**
	 * Entries newest first, after the page's position: all of them ({@code scopes} null),
	 * or those of the installation as a whole and of the subtrees of {@code scopes}.
	 */
	Flux<Recorded> read(@Nullable List<UUID> scopes, @Nullable String action, @Nullable String targetId,
			PageRequest page) {
		StringBuilder sql = new StringBuilder("""
				SELECT a.id, a.at, a.actor_id, m.name AS actor_name, a.action, a.target_type, a.target_id, a.org_id,
				       CAST(a.details AS text) AS details
				FROM audit_log a LEFT JOIN members m ON m.id = a.actor_id WHERE true""");
		if (scopes != null) {
			sql.append(" AND (a.org_id IS NULL OR EXISTS (SELECT 1 FROM orgs o WHERE o.id = a.org_id "
					+ "AND o.path && CAST(:scopes AS uuid[])))");
		}
		if (action != null) {
			sql.append(" AND a.action = :action");
		}
		if (targetId != null) {
			sql.append(" AND a.target_id = :targetId");
		}
		sql.append(NEWEST.condition(page)).append(NEWEST.orderAndLimit());
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(sql.toString());
		if (scopes != null) {
			spec = spec.bind("scopes", scopes.toArray(UUID[]::new));
		}
		if (action != null) {
			spec = spec.bind("action", action);
		}
		if (targetId != null) {
			spec = spec.bind("targetId", targetId);
		}
		return NEWEST.bind(spec, page).map(this::read).all();
	}

	private Recorded read(Readable row) {
		String details = row.get("details", String.class);
		return new Recorded(row.get("id", UUID.class), row.get("at", Instant.class),
				new AuditEntry(row.get("actor_id", UUID.class), row.get("action", String.class),
						row.get("target_type", String.class), row.get("target_id", String.class),
						row.get("org_id", UUID.class),
						(details != null) ? this.json.readValue(details, DETAILS) : Map.of()),
				row.get("actor_name", String.class));
	}

	/**
	 * An entry as stored.
	 *
	 * @param id the entry (time-ordered)
	 * @param at when
	 * @param entry what
	 * @param actorName the actor's name, when the actor is a member
	 */
	record Recorded(UUID id, Instant at, AuditEntry entry, @Nullable String actorName) {
	}

}
