package cn.partybuilding.points.intake;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.points.core.PointsEvent;

/** The scored events of {@code points_events}, as recalculations replay them. */
@Repository
class ScoredEventRepository {

	private final DatabaseClient db;

	ScoredEventRepository(DatabaseClient db) {
		this.db = db;
	}

	/** The member's scored events that happened in {@code [from, to)}. */
	Flux<PointsEvent> scored(String memberId, Instant from, Instant to) {
		return this.db.sql("SELECT " + EventRows.COLUMNS + """
				 FROM points_events
				WHERE member_id = :member AND occurred_at >= :from AND occurred_at < :to AND scored_at IS NOT NULL
				ORDER BY occurred_at, event_id""")
			.bind("member", UUID.fromString(memberId))
			.bind("from", from)
			.bind("to", to)
			.map(EventRows::event)
			.all();
	}

	/**
	 * Members with scored events in {@code [from, to)}, in id order, after {@code after}.
	 */
	Flux<UUID> membersScored(Instant from, Instant to, @Nullable UUID after, int limit) {
		return this.db.sql("""
				SELECT DISTINCT member_id FROM points_events
				WHERE occurred_at >= :from AND occurred_at < :to AND scored_at IS NOT NULL AND member_id > :after
				ORDER BY member_id LIMIT :limit""")
			.bind("from", from)
			.bind("to", to)
			.bind("after", (after != null) ? after : new UUID(0, 0))
			.bind("limit", limit)
			.map((row) -> row.get("member_id", UUID.class))
			.all();
	}

	Mono<Long> countMembersScored(Instant from, Instant to) {
		return this.db.sql("""
				SELECT count(DISTINCT member_id) AS members FROM points_events
				WHERE occurred_at >= :from AND occurred_at < :to AND scored_at IS NOT NULL""")
			.bind("from", from)
			.bind("to", to)
			.map((row) -> row.get("members", Long.class))
			.one();
	}

}
