package cn.partybuilding.points.ranking;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Leaderboard queries: the active roster members of a subtree ({@code org_path @> {org}}, the GIN index) joined with
 * their balances of the year (0 when they have none), ranked in the database in one query.
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

	/** The first {@code limit} places, then the place of {@code me} (flagged) if ranked in the subtree. */
	Flux<Place> top(UUID orgId, int year, int limit, @Nullable UUID me) {
		return this.db.sql("""
				WITH board AS (%s),
				ranked AS (
				    SELECT member_id, points, rank() OVER (ORDER BY points DESC) AS rank,
				           row_number() OVER (ORDER BY points DESC, member_id) AS position
				    FROM board)
				(SELECT member_id, points, rank, position, false AS me FROM ranked ORDER BY position LIMIT :limit)
				UNION ALL
				(SELECT member_id, points, rank, position, true AS me FROM ranked WHERE member_id = :me)""".formatted(BOARD))
			.bind("org", orgId)
			.bind("year", year)
			.bind("limit", limit)
			.bind("me", (me != null) ? me : NOBODY)
			.map((row) -> new Place(row.get("member_id", UUID.class), row.get("points", BigDecimal.class),
					row.get("rank", Long.class).intValue(), row.get("position", Long.class),
					Boolean.TRUE.equals(row.get("me", Boolean.class))))
			.all();
	}

	/** Every active member of the subtree with the year's points. */
	Flux<Place> all(UUID orgId, int year) {
		return this.db.sql(BOARD)
			.bind("org", orgId)
			.bind("year", year)
			.map((row) -> new Place(row.get("member_id", UUID.class), row.get("points", BigDecimal.class), 0, 0,
					false))
			.all();
	}

	/** The member's competition rank in the branch and the branch's size. */
	Mono<BranchStanding> inBranch(UUID memberId, UUID branchId, int year) {
		return this.db.sql("""
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

	/** A member's place: competition rank, and position in the display order. */
	record Place(UUID memberId, BigDecimal points, int rank, long position, boolean me) {
	}

}
