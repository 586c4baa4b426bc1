package cn.partybuilding.points.claims;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.points.SqlParameters;

/**
 * The {@code points_claims} table; decisions are conditional updates, so only a pending
 * claim can be decided.
 */
@Repository
class ClaimRepository {

	private static final String COLUMNS = """
			id, member_id, branch_id, org_path, rule_code, occurred_on, description, evidence_urls, status, decided_by,
			decided_at, reject_reason, created_at""";

	private final DatabaseClient db;

	ClaimRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<Claim> insert(Claim claim) {
		return this.db.sql("INSERT INTO points_claims (" + COLUMNS + """
				) VALUES (:id, :member, :branch, :path, :rule, :occurredOn, :description, :evidence, :status, NULL,
				          NULL, NULL, :createdAt)""")
			.bind("id", claim.id())
			.bind("member", claim.memberId())
			.bind("branch", claim.branchId())
			.bind("path", claim.orgPath().toArray(UUID[]::new))
			.bind("rule", claim.ruleCode())
			.bind("occurredOn", claim.occurredOn())
			.bind("description", claim.description())
			.bind("evidence", claim.evidenceUrls().toArray(String[]::new))
			.bind("status", claim.status().name())
			.bind("createdAt", claim.createdAt())
			.then()
			.thenReturn(claim);
	}

	Mono<Claim> find(UUID id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM points_claims WHERE id = :id")
			.bind("id", id)
			.map(ClaimRepository::claim)
			.one();
	}

	/**
	 * Moves a pending claim to {@code status}; empty when it is not pending (or does not
	 * exist).
	 */
	Mono<Claim> decide(UUID id, ClaimStatus status, UUID by, Instant at, @Nullable String rejectReason) {
		return this.db
			.sql("UPDATE points_claims SET status = :status, decided_by = :by, decided_at = :at, "
					+ "reject_reason = :reason WHERE id = :id AND status = 'PENDING' RETURNING " + COLUMNS)
			.bind("status", status.name())
			.bind("by", by)
			.bind("at", at)
			.bind("reason", SqlParameters.nullable(rejectReason, String.class))
			.bind("id", id)
			.map(ClaimRepository::claim)
			.one();
	}

	/**
	 * Claims newest first after {@code after}: of one member, or (member {@code null}) of
	 * the subtrees of {@code scopes} ({@code null}: everywhere).
	 */
	Flux<Claim> list(@Nullable UUID memberId, @Nullable List<UUID> scopes, @Nullable ClaimStatus status,
			@Nullable UUID after, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM points_claims WHERE true ");
		if (memberId != null) {
			sql.append("AND member_id = :member ");
		}
		if (scopes != null) {
			sql.append("AND org_path && CAST(:scopes AS uuid[]) ");
		}
		if (status != null) {
			sql.append("AND status = :status ");
		}
		if (after != null) {
			sql.append("AND id < :after ");
		}
		sql.append("ORDER BY id DESC LIMIT :limit");
		var spec = this.db.sql(sql.toString()).bind("limit", limit);
		if (memberId != null) {
			spec = spec.bind("member", memberId);
		}
		if (scopes != null) {
			spec = spec.bind("scopes", scopes.toArray(UUID[]::new));
		}
		if (status != null) {
			spec = spec.bind("status", status.name());
		}
		if (after != null) {
			spec = spec.bind("after", after);
		}
		return spec.map(ClaimRepository::claim).all();
	}

	private static Claim claim(Readable row) {
		return new Claim(row.get("id", UUID.class), row.get("member_id", UUID.class), row.get("branch_id", UUID.class),
				Arrays.asList(row.get("org_path", UUID[].class)), row.get("rule_code", String.class),
				row.get("occurred_on", LocalDate.class), row.get("description", String.class),
				Arrays.asList(row.get("evidence_urls", String[].class)),
				ClaimStatus.valueOf(row.get("status", String.class)), row.get("decided_by", UUID.class),
				row.get("decided_at", Instant.class), row.get("reject_reason", String.class),
				row.get("created_at", Instant.class));
	}

}
