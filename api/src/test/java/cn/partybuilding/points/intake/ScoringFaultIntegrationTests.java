package cn.partybuilding.points.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.points.PointsSettings;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.web.PointsWorld;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scoring interrupted: by a failure in the middle of a batch, by the workers being
 * stopped (as at a shutdown or a crash) in the middle of a batch, and by events that
 * cannot be read. Afterwards every event is scored exactly once: one entry per event,
 * balances equal to the ledger.
 */
@IntegrationTest
class ScoringFaultIntegrationTests {

	static final int MEMBERS = 20;

	static final int EVENTS_EACH = 10;

	@Autowired
	ApplicationContext context;

	@Autowired
	WebTestClient client;

	@Autowired
	ScoringWorker worker;

	@Autowired
	ScoringBatches batches;

	@Autowired
	PointsSettings settings;

	@Autowired
	Clock clock;

	PointsWorld world;

	/**
	 * Scoring in one loop for the interrupted tests, so that its first batch holds 100 of
	 * their 200 events.
	 */
	@Nullable ScoringWorker oneLoop;

	@BeforeEach
	void setUp() {
		this.world = new PointsWorld(this.context, this.client);
	}

	@AfterEach
	void restoreTheWorker() {
		if (this.oneLoop != null) {
			this.oneLoop.stop();
		}
		this.batches.afterEachEvent = null;
		this.worker.start();
	}

	/**
	 * Stops the application's workers and makes a worker with one loop: two loops
	 * claiming at once share the queue row by row, so each may hold a member's events
	 * with gaps and score fewer than an interruption needs.
	 */
	private ScoringWorker oneLoop() {
		this.worker.stop();
		PointsSettings s = this.settings;
		this.oneLoop = new ScoringWorker(this.batches,
				new PointsSettings(true, s.pollInterval(), s.batchSize(), 1, s.busyBatchInterval(), s.busyBatchSize(),
						s.maxAttempts(), s.retryBackoff(), s.recalculationPoll(), s.recalculationStaleAfter(),
						s.grading()));
		return this.oneLoop;
	}

	@Test
	void aFailureInTheMiddleOfABatchLosesAndDoublesNothing() {
		ScoringWorker scoring = oneLoop();
		List<UUID> members = members();
		List<PointsEvent> events = studyEvents(members);
		this.world.recordAll(events, 20);
		AtomicBoolean failed = new AtomicBoolean();
		this.batches.afterEachEvent = (scored) -> (scored == 30 && failed.compareAndSet(false, true))
				? Mono.error(new IllegalStateException("injected failure after 30 events")) : Mono.empty();
		scoring.start();
		awaitAllScored(events);
		assertThat(failed).isTrue();
		assertScoredExactlyOnce(events, members);
	}

	@Test
	void workersStoppedInTheMiddleOfABatchLeaveItForTheNextOnes() {
		ScoringWorker scoring = oneLoop();
		List<UUID> members = members();
		List<PointsEvent> events = studyEvents(members);
		this.world.recordAll(events, 20);
		AtomicBoolean stuck = new AtomicBoolean();
		// Every batch stalls after its 30th event, as if the instance froze there.
		this.batches.afterEachEvent = (scored) -> (scored == 30)
				? Mono.fromRunnable(() -> stuck.set(true)).then(Mono.delay(Duration.ofMinutes(1))).then()
				: Mono.empty();
		scoring.start();
		await().atMost(Duration.ofSeconds(10)).untilTrue(stuck);
		scoring.stop();
		List<String> ids = ids(events);
		assertThat(this.world.scoredCount(ids)).as("a batch cut off is rolled back as a whole").isZero();
		assertThat(entryCount(ids)).isZero();
		this.batches.afterEachEvent = null;
		// A new worker (a restarted instance) takes over.
		ScoringWorker restarted = new ScoringWorker(this.batches, this.settings);
		restarted.start();
		try {
			awaitAllScored(events);
		}
		finally {
			restarted.stop();
		}
		assertScoredExactlyOnce(events, members);
	}

	@Test
	void anEventThatCannotBeReadIsRetriedThenSetAsideWithoutBlockingTheQueue() {
		UUID member = Ids.newId();
		String hopeless = "import:" + Ids.newId();
		String retried = "import:" + Ids.newId();
		// A bonus claim naming no rule cannot be scored (as could be a type only a newer
		// version knows).
		insertUnreadable(hopeless, member, 9);
		insertUnreadable(retried, member, 0);
		PointsEvent later = PointsEvent.of("checkin:" + Ids.newId(), member.toString(), EventType.ACTIVITY_ATTENDED,
				this.clock.instant(), Map.of(PointsEvent.ACTIVITY_TYPE, "THEME_DAY"));
		this.world.record(later);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.world.scoredCount(List.of(later.eventId())) == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> row(hopeless).get("failed_at") != null);
		Map<String, Object> setAside = row(hopeless);
		assertThat(setAside).containsEntry("attempts", 10)
			.containsEntry("last_error", IllegalArgumentException.class.getName())
			.containsEntry("scored_at", null);
		Map<String, Object> waiting = row(retried);
		assertThat(waiting).containsEntry("failed_at", null).containsEntry("scored_at", null);
		assertThat((Integer) waiting.get("attempts")).isPositive();
		assertThat((Instant) waiting.get("next_attempt_at")).isAfter(this.clock.instant().minusSeconds(1));
	}

	private void insertUnreadable(String eventId, UUID member, int attempts) {
		this.world.db()
			.sql("""
					INSERT INTO points_events (event_id, member_id, type, occurred_at, quantity, recorded_at,
					                           next_attempt_at, attempts)
					VALUES (:id, :member, 'BONUS_CLAIM_APPROVED', :now, 1, :now, :now, :attempts)""")
			.bind("id", eventId)
			.bind("member", member)
			.bind("now", this.clock.instant())
			.bind("attempts", attempts)
			.then()
			.block();
	}

	private Map<String, Object> row(String eventId) {
		return this.world.db()
			.sql("SELECT attempts, next_attempt_at, failed_at, scored_at, last_error FROM points_events "
					+ "WHERE event_id = :id")
			.bind("id", eventId)
			.map((row) -> {
				Map<String, Object> values = new HashMap<>();
				values.put("attempts", row.get("attempts", Integer.class));
				values.put("next_attempt_at", row.get("next_attempt_at", Instant.class));
				values.put("failed_at", row.get("failed_at", Instant.class));
				values.put("scored_at", row.get("scored_at", Instant.class));
				values.put("last_error", row.get("last_error", String.class));
				return values;
			})
			.one()
			.block();
	}

	private List<UUID> members() {
		List<UUID> members = new ArrayList<>();
		for (int i = 0; i < MEMBERS; i++) {
			members.add(Ids.newId());
		}
		return members;
	}

	/**
	 * Ten study items for each member on one day: STUDY gives 1 point an item, at most 2
	 * a day.
	 */
	private List<PointsEvent> studyEvents(List<UUID> members) {
		Instant now = this.clock.instant();
		List<PointsEvent> events = new ArrayList<>();
		for (int i = 0; i < EVENTS_EACH; i++) {
			for (UUID member : members) {
				events.add(PointsEvent.measured("study:" + Ids.newId(), member.toString(), EventType.STUDY_COMPLETED,
						now, BigDecimal.ONE));
			}
		}
		return events;
	}

	private void awaitAllScored(List<PointsEvent> events) {
		List<String> ids = ids(events);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.world.scoredCount(ids) == ids.size());
	}

	private void assertScoredExactlyOnce(List<PointsEvent> events, List<UUID> members) {
		List<String> ids = ids(events);
		List<Long> perEvent = this.world.db()
			.sql("SELECT count(*) AS n FROM points_ledger WHERE event_id = ANY(:ids) GROUP BY event_id")
			.bind("ids", ids.toArray(String[]::new))
			.map((row) -> row.get("n", Long.class))
			.all()
			.collectList()
			.block();
		assertThat(perEvent).hasSize(ids.size()).containsOnly(1L);
		int year = this.clock.instant().atZone(this.clock.getZone()).getYear();
		for (UUID member : members) {
			assertThat(this.world.total(member, year)).isEqualByComparingTo("2.0");
			assertThat(this.world.ledgerSum(member, year)).isEqualByComparingTo("2.0");
		}
	}

	private long entryCount(List<String> ids) {
		return this.world.db()
			.sql("SELECT count(*) AS n FROM points_ledger WHERE event_id = ANY(:ids)")
			.bind("ids", ids.toArray(String[]::new))
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	private static List<String> ids(List<PointsEvent> events) {
		return events.stream().map(PointsEvent::eventId).toList();
	}

}
