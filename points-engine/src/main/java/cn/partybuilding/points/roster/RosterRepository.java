package cn.partybuilding.points.roster;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code points_roster} table. */
@Repository
class RosterRepository {

	private final DatabaseClient db;

	RosterRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Enrolls many members of one branch in one statement. */
	Mono<Void> upsertAll(List<UUID> memberIds, UUID branchId, List<UUID> orgPath, Instant now) {
		return this.db.sql("""
				INSERT INTO points_roster (member_id, branch_id, org_path, left_at, updated_at)
				SELECT m, :branch, :path, NULL, :now FROM unnest(:members::uuid[]) AS m
				ON CONFLICT (member_id) DO UPDATE SET branch_id = excluded.branch_id, org_path = excluded.org_path,
				       left_at = NULL, updated_at = excluded.updated_at""")
			.bind("members", memberIds.toArray(UUID[]::new))
			.bind("branch", branchId)
			.bind("path", orgPath.toArray(UUID[]::new))
			.bind("now", now)
			.then();
	}

	Mono<Void> upsert(UUID memberId, UUID branchId, List<UUID> orgPath, Instant now) {
		return this.db.sql("""
				INSERT INTO points_roster (member_id, branch_id, org_path, left_at, updated_at)
				VALUES (:member, :branch, :path, NULL, :now)
				ON CONFLICT (member_id) DO UPDATE SET branch_id = excluded.branch_id, org_path = excluded.org_path,
				       left_at = NULL, updated_at = excluded.updated_at""")
			.bind("member", memberId)
			.bind("branch", branchId)
			.bind("path", orgPath.toArray(UUID[]::new))
			.bind("now", now)
			.then();
	}

	Mono<Void> leave(UUID memberId, Instant now) {
		return this.db
			.sql("UPDATE points_roster SET left_at = :now, updated_at = :now WHERE member_id = :member "
					+ "AND left_at IS NULL")
			.bind("member", memberId)
			.bind("now", now)
			.then();
	}

	Mono<RosterMember> find(UUID memberId) {
		return this.db
			.sql("SELECT member_id, branch_id, org_path, left_at FROM points_roster WHERE member_id = :member")
			.bind("member", memberId)
			.map((row) -> new RosterMember(row.get("member_id", UUID.class), row.get("branch_id", UUID.class),
					Arrays.asList(row.get("org_path", UUID[].class)), row.get("left_at", Instant.class) == null))
			.one();
	}

	Flux<UUID> membersUnder(UUID orgId, @Nullable UUID after, int limit) {
		return this.db.sql("""
				SELECT member_id FROM points_roster
				WHERE org_path @> ARRAY[:org]::uuid[] AND member_id > :after
				ORDER BY member_id LIMIT :limit""")
			.bind("org", orgId)
			.bind("after", (after != null) ? after : new UUID(0, 0))
			.bind("limit", limit)
			.map((row) -> row.get("member_id", UUID.class))
			.all();
	}

	Mono<Long> countUnder(UUID orgId) {
		return this.db.sql("SELECT count(*) AS members FROM points_roster WHERE org_path @> ARRAY[:org]::uuid[]")
			.bind("org", orgId)
			.map((row) -> row.get("members", Long.class))
			.one();
	}

}
