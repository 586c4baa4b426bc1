package cn.partybuilding.points.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.points.PointsSettings;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.ledger.PointsLedger;
import cn.partybuilding.points.rules.PointsRules;
import cn.partybuilding.points.web.PointsWorld;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class IntakeIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	WebTestClient client;

	@Autowired
	PointsIntake intake;

	@Autowired
	TransactionalOperator transactions;

	@Autowired
	ScoringBatches batches;

	@Autowired
	PointsSettings settings;

	@Autowired
	ScoringWorker worker;

	@Autowired
	EventQueueRepository queue;

	@Autowired
	ScoredEventRepository scoredEvents;

	@Autowired
	PointsRules rules;

	@Autowired
	PointsLedger ledger;

	@Autowired
	EventScorer scorer;

	@Autowired
	Clock clock;

	PointsWorld world;

	@BeforeEach
	void setUp() {
		this.world = new PointsWorld(this.context, this.client);
	}

	@Test
	void anEventRecordedInTheCallersTransactionIsScoredWithinASecond() {
		UUID member = Ids.newId();
		Instant now = this.clock.instant();
		int year = year(now);
		long start = System.nanoTime();
		this.world.record(attended("checkin:" + Ids.newId(), member, now, "THEME_DAY"));
		await().atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.world.total(member, year).compareTo(new BigDecimal("2.0")) == 0);
		System.out.printf("points event scored %d ms after it was recorded%n", (System.nanoTime() - start) / 1_000_000);
		assertThat(this.world.ledgerSum(member, year)).isEqualByComparingTo("2.0");
	}

	@Test
	void recordingTheSameEventTwiceScoresItOnce() {
		UUID member = Ids.newId();
		Instant now = this.clock.instant();
		String eventId = "checkin:" + Ids.newId();
		this.world.record(attended(eventId, member, now, "BRANCH_ASSEMBLY"));
		this.world.record(attended(eventId, member, now, "BRANCH_ASSEMBLY"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.world.scoredCount(List.of(eventId)) == 1);
		this.world.record(attended(eventId, member, now, "BRANCH_ASSEMBLY"));
		assertThat(this.world.entriesOf(eventId)).hasSize(1);
		assertThat(this.world.total(member, year(now))).isEqualByComparingTo("3.0");
		assertThat(this.world.ledgerSum(member, year(now))).isEqualByComparingTo("3.0");
	}

	@Test
	void anEventIsStoredOnlyIfTheCallersTransactionCommits() {
		UUID member = Ids.newId();
		String eventId = "checkin:" + Ids.newId();
		Mono<Void> failingChange = this.intake.record(attended(eventId, member, this.clock.instant(), "THEME_DAY"))
			.then(Mono.<Void>error(new IllegalStateException("the caller's change failed")))
			.as(this.transactions::transactional);
		assertThatThrownBy(failingChange::block).hasMessageContaining("the caller's change failed");
		long stored = this.world.db()
			.sql("SELECT count(*) AS n FROM points_events WHERE event_id = :id")
			.bind("id", eventId)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
		assertThat(stored).isZero();
	}

	@Test
	void eventsRecordedAlongAnInsertAreStoredForTheRowsItInsertedAndScored() {
		UUID member = Ids.newId();
		Instant now = this.clock.instant();
		String owner = "along-" + Ids.newId();
		UUID taken = Ids.newId();
		this.world.db()
			.sql("INSERT INTO probe_items (id, owner, label) VALUES (:id, :owner, 'before')")
			.bind("id", taken)
			.bind("owner", owner)
			.then()
			.block();
		UUID fresh = Ids.newId();
		UUID alsoFresh = Ids.newId();
		Map<String, PointsEvent> events = new java.util.LinkedHashMap<>();
		for (UUID id : List.of(fresh, taken, alsoFresh)) {
			events.put(id.toString(), attended("probe:" + id, member, now, "THEME_DAY"));
		}
		List<String> inserted = this.intake.recordAlong(probeInsert(owner, fresh, taken, alsoFresh), events)
			.collectList()
			.block();
		// The row stored before conflicts: no row now, so no event; the two fresh rows
		// have theirs, scored.
		assertThat(inserted).containsExactlyInAnyOrder(fresh.toString(), alsoFresh.toString());
		assertThat(eventIds("probe:%")).contains("probe:" + fresh, "probe:" + alsoFresh)
			.doesNotContain("probe:" + taken);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.world.scoredCount(List.of("probe:" + fresh, "probe:" + alsoFresh)) == 2);
		BigDecimal total = this.world.total(member, year(now));
		assertThat(total).isPositive().isEqualByComparingTo(this.world.ledgerSum(member, year(now)));
		// Again: nothing inserted, nothing recorded.
		assertThat(this.intake.recordAlong(probeInsert(owner, fresh, alsoFresh), events).collectList().block())
			.isEmpty();
		assertThat(eventIds("probe:%")).filteredOn((id) -> id.equals("probe:" + fresh)).hasSize(1);
		assertThat(this.world.total(member, year(now))).isEqualByComparingTo(total);
	}

	@Test
	void anInsertThatFailsStoresNeitherItsRowsNorTheirEvents() {
		UUID member = Ids.newId();
		String owner = "along-" + Ids.newId();
		UUID id = Ids.newId();
		// A label of null breaks probe_items' NOT NULL after the first row: the whole
		// statement fails.
		ReturningKeys failing = new ReturningKeys("""
				INSERT INTO probe_items (id, owner, label)
				SELECT i, :owner, l FROM unnest(CAST(:ids AS uuid[]), CAST(:labels AS text[])) AS n(i, l)
				RETURNING CAST(id AS text) AS key""",
				Map.of("owner", owner, "ids", new UUID[] { id, Ids.newId() }, "labels", new String[] { "a", null }));
		assertThatThrownBy(() -> this.intake
			.recordAlong(failing,
					Map.of(id.toString(), attended("probe:" + id, member, this.clock.instant(), "THEME_DAY")))
			.blockLast()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		assertThat(eventIds("probe:" + id)).isEmpty();
		assertThat(this.world.db()
			.sql("SELECT count(*) AS n FROM probe_items WHERE owner = :owner")
			.bind("owner", owner)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block()).isZero();
	}

	@Test
	void anInsertMayNotUseTheIntakesParameterNames() {
		assertThatThrownBy(() -> new ReturningKeys("INSERT … RETURNING key", Map.of("pointsNow", 1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("pointsNow");
	}

	private static ReturningKeys probeInsert(String owner, UUID... ids) {
		return new ReturningKeys("""
				INSERT INTO probe_items (id, owner, label)
				SELECT i, :owner, 'along' FROM unnest(CAST(:ids AS uuid[])) AS n(i)
				ON CONFLICT (id) DO NOTHING
				RETURNING CAST(id AS text) AS key""", Map.of("owner", owner, "ids", ids));
	}

	private List<String> eventIds(String pattern) {
		return this.world.db()
			.sql("SELECT event_id FROM points_events WHERE event_id LIKE :pattern")
			.bind("pattern", pattern)
			.map((row) -> row.get("event_id", String.class))
			.all()
			.collectList()
			.block();
	}

	@Test
	void eventsRecordedTogetherAreStoredAsGivenOnceEachAndScored() {
		UUID member = Ids.newId();
		Instant now = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		PointsEvent storedBefore = attended("checkin:" + Ids.newId(), member, now, "THEME_DAY");
		this.world.record(storedBefore);
		PointsEvent meeting = attended("checkin:" + Ids.newId(), member, now, "BRANCH_ASSEMBLY");
		PointsEvent volunteering = PointsEvent.measured("volunteer-signup:" + Ids.newId(), member.toString(),
				EventType.VOLUNTEER_HOURS_APPROVED, now, new BigDecimal("2.5"));
		PointsEvent adjustment = PointsEvent.adjustment("adjustment:" + Ids.newId(), member.toString(), now,
				new BigDecimal("-1.5"), "迟到早退");
		List<PointsEvent> together = List.of(meeting, volunteering, adjustment, meeting, storedBefore);

		this.intake.recordAll(together).as(this.transactions::transactional).block();

		List<String> ids = List.of(storedBefore.eventId(), meeting.eventId(), volunteering.eventId(),
				adjustment.eventId());
		await().atMost(Duration.ofSeconds(5)).until(() -> this.world.scoredCount(ids) == 4);
		List<PointsEvent> stored = this.scoredEvents.scored(member.toString(), now.minusSeconds(1), now.plusSeconds(1))
			.collectList()
			.block();
		assertThat(stored).hasSize(4)
			.usingRecursiveFieldByFieldElementComparator(
					org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
						.withComparatorForType(java.util.Comparator.nullsFirst(BigDecimal::compareTo), BigDecimal.class)
						.build())
			.containsExactlyInAnyOrder(storedBefore, meeting, volunteering, adjustment);
		// 主题党日 2 + 支部党员大会 3 + 2.5 hours of volunteering at 1 an hour − 1.5 adjusted.
		assertThat(this.world.total(member, year(now))).isEqualByComparingTo("6.0");
		assertThat(this.world.ledgerSum(member, year(now))).isEqualByComparingTo("6.0");
	}

	@Test
	void membersScoredTogetherInOneBatchEachMeetTheirOwnCaps() {
		Instant now = this.clock.instant();
		int year = year(now);
		List<UUID> members = IntStream.range(0, 60).mapToObj((i) -> Ids.newId()).toList();
		// STUDY: 1 point an item, at most 2 a day. Member i has used i % 3 of today's 2
		// already.
		List<PointsEvent> earlier = new ArrayList<>();
		for (int i = 0; i < members.size(); i++) {
			for (int n = 0; n < i % 3; n++) {
				earlier.add(PointsEvent.measured("study:" + Ids.newId(), members.get(i).toString(),
						EventType.STUDY_COMPLETED, now, BigDecimal.ONE));
			}
		}
		this.world.recordAll(earlier, 8);
		List<String> earlierIds = earlier.stream().map(PointsEvent::eventId).toList();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.world.scoredCount(earlierIds) == earlier.size());
		// Then two items each, all in the queue before a worker looks: one batch, one
		// event per member.
		List<PointsEvent> twoEach = members.stream()
			.map((member) -> PointsEvent.measured("study:" + Ids.newId(), member.toString(), EventType.STUDY_COMPLETED,
					now, new BigDecimal("2")))
			.toList();
		this.worker.stop();
		try {
			this.intake.recordAll(twoEach).as(this.transactions::transactional).block();
		}
		finally {
			this.worker.start();
		}
		List<String> ids = twoEach.stream().map(PointsEvent::eventId).toList();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.world.scoredCount(ids) == members.size());

		for (int i = 0; i < members.size(); i++) {
			UUID member = members.get(i);
			assertThat(this.world.total(member, year)).as("member %d", i).isEqualByComparingTo("2.0");
			assertThat(this.world.ledgerSum(member, year)).as("member %d", i).isEqualByComparingTo("2.0");
			Map<String, Object> entry = this.world.entriesOf(twoEach.get(i).eventId()).get(0);
			assertThat((BigDecimal) entry.get("points")).as("member %d", i)
				.isEqualByComparingTo(BigDecimal.valueOf(2 - i % 3));
			assertThat(entry.get("capped_by")).as("member %d", i).isEqualTo((i % 3 == 0) ? null : "DAY");
		}
	}

	@Test
	void anEventNoRuleAppliesToIsMarkedScoredWithoutEntries() {
		UUID member = Ids.newId();
		String eventId = "checkin:" + Ids.newId();
		this.world.record(attended(eventId, member, this.clock.instant(), "OTHER"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.world.scoredCount(List.of(eventId)) == 1);
		assertThat(this.world.entriesOf(eventId)).isEmpty();
		assertThat(this.world.balance(member, year(this.clock.instant()))).isNull();
	}

	@Test
	void fiftyParallelEventsForOneMemberNeverExceedTheDailyCap() {
		UUID member = Ids.newId();
		Instant now = this.clock.instant();
		List<PointsEvent> events = IntStream.range(0, 50)
			.mapToObj((i) -> PointsEvent.measured("study:" + Ids.newId(), member.toString(), EventType.STUDY_COMPLETED,
					now, BigDecimal.ONE))
			.toList();
		ScoringWorker secondInstance = new ScoringWorker(this.batches, this.settings);
		secondInstance.start();
		try {
			this.world.recordAll(events, 50);
			List<String> ids = events.stream().map(PointsEvent::eventId).toList();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.world.scoredCount(ids) == 50);
		}
		finally {
			secondInstance.stop();
		}
		int year = year(now);
		// STUDY: 1 point an item, at most 2 a day.
		assertThat(this.world.total(member, year)).isEqualByComparingTo("2.0");
		assertThat(this.world.ledgerSum(member, year)).isEqualByComparingTo("2.0");
		List<Map<String, Object>> entries = this.world.db()
			.sql("SELECT points, capped_by FROM points_ledger WHERE member_id = :m")
			.bind("m", member)
			.fetch()
			.all()
			.collectList()
			.block();
		assertThat(entries).hasSize(50);
		assertThat(entries).filteredOn((entry) -> ((BigDecimal) entry.get("points")).signum() > 0).hasSize(2);
		assertThat(entries).filteredOn((entry) -> "DAY".equals(entry.get("capped_by"))).hasSize(48);
	}

	@Test
	void aMembersEventsAreScoredInTheOrderTheyWereRecordedEvenAcrossManyWorkers() throws InterruptedException {
		this.worker.stop();
		Instant now = this.clock.instant();
		UUID waiting = Ids.newId();
		UUID other = Ids.newId();
		List<PointsEvent> events = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			for (UUID member : List.of(waiting, other)) {
				PointsEvent event = PointsEvent.measured("study:" + Ids.newId(), member.toString(),
						EventType.STUDY_COMPLETED, now, BigDecimal.ONE);
				this.world.record(event);
				events.add(event);
			}
		}
		List<String> waitingIds = idsOf(events, waiting);
		List<String> otherIds = idsOf(events, other);
		// Another worker holds the member's oldest event for a while (as if scoring it
		// slowly).
		Disposable holder = hold(waitingIds.get(0), Mono.delay(Duration.ofSeconds(3)));
		// Small batches over four loops: a member's events are spread over batches that
		// run at the same time.
		PointsSettings small = new PointsSettings(true, Duration.ofMillis(50), 5, 4, Duration.ofSeconds(1), 5, 10,
				Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30), this.settings.grading());
		ScoringWorker many = new ScoringWorker(new ScoringBatches(this.queue, this.rules, this.ledger, this.scorer,
				this.transactions, this.clock, small), small);
		many.start();
		try {
			await().atMost(Duration.ofSeconds(2)).until(() -> this.world.scoredCount(otherIds) > 0);
			assertThat(this.world.scoredCount(waitingIds)).as("the member's later events wait for the oldest one")
				.isZero();
			await().atMost(Duration.ofSeconds(20))
				.until(() -> this.world.scoredCount(waitingIds) + this.world.scoredCount(otherIds) == 20);
		}
		finally {
			holder.dispose();
			many.stop();
			this.worker.start();
		}
		// STUDY caps a day at 2 points: the first two events recorded for each member get
		// them.
		for (UUID member : List.of(waiting, other)) {
			List<String> awarded = this.world.db()
				.sql("SELECT event_id FROM points_ledger WHERE member_id = :m AND points > 0")
				.bind("m", member)
				.map((row) -> row.get("event_id", String.class))
				.all()
				.collectList()
				.block();
			assertThat(awarded).containsExactlyInAnyOrderElementsOf(idsOf(events, member).subList(0, 2));
		}
	}

	@Test
	void aMembersEventsAfterOneHeldByAnotherWorkerWaitEvenWhenTheClaimSkipsIt() throws InterruptedException {
		this.worker.stop();
		Instant now = this.clock.instant();
		UUID member = Ids.newId();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			PointsEvent event = PointsEvent.measured("study:" + Ids.newId(), member.toString(),
					EventType.STUDY_COMPLETED, now, BigDecimal.ONE);
			this.world.record(event);
			ids.add(event.eventId());
		}
		// Another worker holds the member's third event: a claim takes the first, second,
		// fourth and fifth.
		CountDownLatch release = new CountDownLatch(1);
		Disposable holder = hold(ids.get(2),
				Mono.fromCallable(() -> release.await(10, TimeUnit.SECONDS)).subscribeOn(Schedulers.boundedElastic()));
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				this.batches.scoreNextBatch(this.settings.batchSize()).block();
				return this.world.scoredCount(ids.subList(0, 2)) == 2;
			});
			assertThat(this.world.scoredCount(ids.subList(3, 5))).as("the events after the one held elsewhere wait")
				.isZero();
			release.countDown();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				this.batches.scoreNextBatch(this.settings.batchSize()).block();
				return this.world.scoredCount(ids) == 5;
			});
		}
		finally {
			release.countDown();
			holder.dispose();
			this.worker.start();
		}
		// STUDY caps a day at 2 points; the held event scored third, so it is capped like
		// the two after it.
		List<String> capped = this.world.db()
			.sql("SELECT event_id FROM points_ledger WHERE member_id = :m AND capped_by = 'DAY'")
			.bind("m", member)
			.map((row) -> row.get("event_id", String.class))
			.all()
			.collectList()
			.block();
		assertThat(capped).containsExactlyInAnyOrderElementsOf(ids.subList(2, 5));
	}

	/**
	 * Locks the event as a worker scoring it would, until {@code until} completes;
	 * returns once it holds it.
	 */
	private Disposable hold(String eventId, Mono<?> until) throws InterruptedException {
		CountDownLatch held = new CountDownLatch(1);
		Disposable holder = this.world.db()
			.sql("SELECT seq FROM points_events WHERE event_id = :id FOR UPDATE")
			.bind("id", eventId)
			.then()
			.doOnSuccess((ignored) -> held.countDown())
			.then(until)
			.as(this.transactions::transactional)
			.subscribe();
		assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
		return holder;
	}

	private static List<String> idsOf(List<PointsEvent> events, UUID member) {
		return events.stream()
			.filter((event) -> event.memberId().equals(member.toString()))
			.map(PointsEvent::eventId)
			.toList();
	}

	@Test
	void aThousandParallelEventsForAThousandMembersAllScore() {
		Instant now = this.clock.instant();
		List<PointsEvent> events = IntStream.range(0, 1000)
			.mapToObj((i) -> PointsEvent.of("base-visit:" + Ids.newId(), Ids.newId().toString(),
					EventType.BASE_VISIT_COMPLETED, now, Map.of()))
			.toList();
		List<String> ids = events.stream().map(PointsEvent::eventId).toList();
		long start = System.nanoTime();
		this.world.recordAll(events, 100);
		long recorded = System.nanoTime();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.world.scoredCount(ids) == 1000);
		System.out.printf("1000 events of 1000 members recorded in %d ms, all scored %d ms later%n",
				(recorded - start) / 1_000_000, (System.nanoTime() - recorded) / 1_000_000);
		int year = year(now);
		List<BigDecimal> totals = this.world.db()
			.sql("SELECT b.total FROM points_balances b JOIN points_events e ON e.member_id = b.member_id "
					+ "WHERE e.event_id = ANY(:ids) AND b.year = :y")
			.bind("ids", ids.toArray(String[]::new))
			.bind("y", year)
			.map((row) -> row.get("total", BigDecimal.class))
			.all()
			.collectList()
			.block();
		assertThat(totals).hasSize(1000).allSatisfy((total) -> assertThat(total).isEqualByComparingTo("2.0"));
	}

	private int year(Instant instant) {
		return instant.atZone(this.clock.getZone()).getYear();
	}

	static PointsEvent attended(String eventId, UUID member, Instant at, String activityType) {
		return PointsEvent.of(eventId, member.toString(), EventType.ACTIVITY_ATTENDED, at,
				Map.of(PointsEvent.ACTIVITY_TYPE, activityType));
	}

}
