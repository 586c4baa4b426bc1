package cn.partybuilding.points.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import cn.partybuilding.test.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries scoring runs on every batch stay short however many events wait, whatever
 * the statistics say: the planner's picture of {@code points_events} is often taken while
 * the queue is empty (autovacuum analyzes a quiet table), and a meeting's rush then fills
 * the queue with a hundred thousand events.
 */
@IntegrationTest
class PendingQueuePlanIntegrationTests {

	private static final int WAITING = 6000;

	@Autowired
	DatabaseClient db;

	@Test
	void whetherAnOlderEventIsHeldElsewhereIsAShortLookupPerMemberNotARunThroughTheQueue() {
		String rush = "plan-" + UUID.randomUUID();
		// Statistics of a quiet queue...
		this.db.sql("ANALYZE points_events").then().block(Duration.ofSeconds(30));
		// ...then a rush of check-ins from 2,000 members, due tomorrow so that no scoring
		// worker takes them meanwhile.
		this.db.sql("""
				INSERT INTO points_events (event_id, member_id, type, occurred_at, quantity, recorded_at,
				                           next_attempt_at)
				SELECT :rush || '-' || i, CAST(md5(:rush || (i % 2000)) AS uuid), 'ACTIVITY_ATTENDED', now(), 1, now(),
				       now() + interval '1 day'
				FROM generate_series(1, :waiting) AS i""")
			.bind("rush", rush)
			.bind("waiting", WAITING)
			.then()
			.block(Duration.ofSeconds(30));
		try {
			List<UUID> members = this.db
				.sql("SELECT DISTINCT member_id FROM points_events WHERE event_id LIKE :rush " + "|| '-%' LIMIT 100")
				.bind("rush", rush)
				.map((row) -> row.get("member_id", UUID.class))
				.all()
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(members).hasSize(100);
			String plan = this.db.sql("EXPLAIN " + EventQueueRepository.FIRST_HELD_ELSEWHERE)
				.bind("members", members.toArray(UUID[]::new))
				.bind("lasts", members.stream().map((member) -> Long.MAX_VALUE).toArray(Long[]::new))
				.bind("inHand", new Long[0])
				.bind("now", Instant.now().plus(Duration.ofDays(2)))
				.map((row) -> row.get(0, String.class))
				.all()
				.collect(Collectors.joining("\n"))
				.block(Duration.ofSeconds(30));
			// A few of the member's own entries each (points_events_pending_member, or
			// points_events_member when the
			// statistics make the planner think the queue empty), never the whole queue
			// read and matched up.
			assertThat(plan).containsPattern("Index Cond: \\(+member_id = f\\.member_id\\)")
				.doesNotContain("using points_events_pending on points_events")
				.doesNotContain("Seq Scan on points_events");
		}
		finally {
			this.db.sql("DELETE FROM points_events WHERE event_id LIKE :rush || '-%'")
				.bind("rush", rush)
				.then()
				.block(Duration.ofSeconds(30));
		}
	}

}
