package cn.partybuilding.points.ranking;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Leaderboard queries: the active roster members of a subtree ({@code org_path @> {org}},
 * the GIN index) joined with their precomputed balances of the year (0 when they have
 * none), in one query.
 */
@Repository
class BoardRepository {

	private static final UUID NOBODY = new UUID(0, 0);

	private static final String BOARD = """
			SELECT r.member_id, coalesce(b.total, 0) AS points
			FROM points_roster r
			LEFT JOIN points_balances b ON b.member_id = r.member_id AND b.year = :year
			WHERE r.org_path @> ARRAY[:org]::uuid[] AND r.left_at IS NULL""";

	private final DatabaseClient db;

	BoardRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The first {@code limit} members by points (then member id), then {@code me}
	 * (flagged) if ranked in the subtree, with how many members of the subtree have more
	 * points than {@code me}. Only the top is sorted (a top-N heap), never the whole
	 * subtree.
	 */
	Flux<Place> top(UUID orgId, int year, int limit, @Nullable UUID me) {
		return this.db
			.sql("""
					WITH board AS MATERIALIZED (%s)
					(SELECT member_id, points, false AS me, 0 AS above FROM board ORDER BY points DESC, member_id LIMIT :limit)
					UNION ALL
					(SELECT member_id, points, true AS me,
					        (SELECT count(*) FROM board other WHERE other.points > mine.points) AS above
					 FROM board mine WHERE member_id = :me)"""
				.formatted(BOARD))
			.bind("org", orgId)
			.bind("year", year)
			.bind("limit", limit)
			.bind("me", (me != null) ? me : NOBODY)
			.map((row) -> new Place(row.get("member_id", UUID.class), row.get("points", BigDecimal.class),
					Boolean.TRUE.equals(row.get("me", Boolean.class)), row.get("above", Long.class)))
			.all();
	}

	/** Every active member of the subtree with the year's points. */
	Flux<Place> all(UUID orgId, int year) {
		return this.db.sql(BOARD)
			.bind("org", orgId)
			.bind("year", year)
			.map((row) -> new Place(row.get("member_id", UUID.class), row.get("points", BigDecimal.class), false, 0))
			.all();
	}

	/** The member's competition rank in the branch and the branch's size. */
	Mono<BranchStanding> inBranch(UUID memberId, UUID branchId, int year) {
		return this.db
			.sql("""
					WITH board AS (
					    SELECT r.member_id, coalesce(b.total, 0) AS points
					    FROM points_roster r
					    LEFT JOIN points_balances b ON b.member_id = r.member_id AND b.year = :year
					    WHERE r.branch_id = :branch AND r.left_at IS NULL)
					SELECT count(*) FILTER (WHERE points > (SELECT points FROM board WHERE member_id = :member)) + 1 AS rank,
					       count(*) AS size,
					       bool_or(member_id = :member) AS ranked
					FROM board""")
			.bind("branch", branchId)
			.bind("year", year)
			.bind("member", memberId)
			.map((row) -> Boolean.TRUE.equals(row.get("ranked", Boolean.class))
					? new BranchStanding(row.get("rank", Long.class).intValue(), row.get("size", Long.class).intValue())
					: new BranchStanding(null, row.get("size", Long.class).intValue()))
			.one();
	}

	/** A member's points; for {@code me}, also how many in the subtree have more. */
	record Place(UUID memberId, BigDecimal points, boolean me, long above) {
	}

}
