package cn.partybuilding.points.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.web.PointsWorld.Person;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;

import static cn.partybuilding.points.web.PointsRulesIntegrationTests.newCode;
import static cn.partybuilding.points.web.PointsRulesIntegrationTests.rule;
import static cn.partybuilding.points.web.PointsRulesIntegrationTests.study;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /points/recalculations}: after a rule changed, a year is replayed under the
 * rules now in force and the differences are appended as compensations; a second run
 * finds nothing; a job whose instance died is resumed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecalculationIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	WebTestClient client;

	@Autowired
	Clock clock;

	PointsWorld world;

	Api api;

	String admin;

	@BeforeAll
	void setUp() {
		this.world = new PointsWorld(this.context, this.client);
		this.api = this.world.api();
		this.admin = this.api.loginAsAdmin();
	}

	@Test
	void aRecalculationCompensatesARuleChangeAndASecondRunChangesNothing() {
		OrgUnit committee = this.world.committee();
		OrgUnit branch = this.world.branch(committee);
		Person first = this.world.member(branch);
		Person second = this.world.member(branch);
		String code = newCode();
		String ruleId = addRule(code, "2", "2022-01-01");
		List<PointsEvent> events = List.of(study("study:" + Ids.newId(), first.id(), "2022-03-01T09:00", code),
				study("study:" + Ids.newId(), first.id(), "2022-04-01T09:00", code),
				study("study:" + Ids.newId(), second.id(), "2022-05-01T09:00", code));
		scoreAll(events);
		// The default STUDY rule gives 1 more point an item.
		assertThat(this.world.total(first.id(), 2022)).isEqualByComparingTo("6");
		changePoints(ruleId, code, "5", "2022-01-01");
		assertThat(this.world.total(first.id(), 2022)).as("past entries stay until a recalculation")
			.isEqualByComparingTo("6");

		Map<String, Object> started = start(Map.of("year", 2022, "orgId", committee.id().toString()));
		assertThat(started).containsEntry("status", "RUNNING")
			.containsEntry("year", 2022)
			.containsEntry("orgId", committee.id().toString())
			.containsEntry("total", 2);
		Map<String, Object> done = awaitDone((String) started.get("id"));
		assertThat(done).containsEntry("processed", 2).containsEntry("compensations", 3).containsKey("finishedAt");
		assertThat(this.world.total(first.id(), 2022)).isEqualByComparingTo("12")
			.isEqualByComparingTo(this.world.ledgerSum(first.id(), 2022));
		assertThat(this.world.total(second.id(), 2022)).isEqualByComparingTo("6")
			.isEqualByComparingTo(this.world.ledgerSum(second.id(), 2022));
		assertThat(this.world.entriesOf(events.get(0).eventId())).extracting((entry) -> entry.get("kind"))
			.containsExactlyInAnyOrder("AWARD", "AWARD", "COMPENSATION");

		Map<String, Object> again = awaitDone(
				(String) start(Map.of("year", 2022, "orgId", committee.id().toString())).get("id"));
		assertThat(again).containsEntry("processed", 2).containsEntry("compensations", 0);
		assertThat(this.world.total(first.id(), 2022)).isEqualByComparingTo("12");
		this.api.get(this.world.login(first), "/api/v1/members/" + first.id() + "/points/entries?year=2022")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.kind == 'COMPENSATION')].reason")
			.isEqualTo(List.of("积分重算", "积分重算"));
	}

	@Test
	void aRecalculationOfEveryoneCoversTheMembersWithEventsThatYear() {
		String code = newCode();
		String ruleId = addRule(code, "1", "2023-01-01");
		UUID member = Ids.newId();
		scoreAll(List.of(study("study:" + Ids.newId(), member, "2023-06-01T09:00", code)));
		changePoints(ruleId, code, "4", "2023-01-01");
		Map<String, Object> done = awaitDone((String) start(Map.of("year", 2023)).get("id"));
		assertThat(done).doesNotContainKey("orgId");
		assertThat((Integer) done.get("compensations")).isPositive();
		assertThat(this.world.total(member, 2023)).isEqualByComparingTo("5")
			.isEqualByComparingTo(this.world.ledgerSum(member, 2023));
	}

	@Test
	void aJobLeftRunningByADeadInstanceIsResumedWhereItStood() {
		OrgUnit committee = this.world.committee();
		OrgUnit branch = this.world.branch(committee);
		Person first = this.world.member(branch);
		Person second = this.world.member(branch);
		String code = newCode();
		String ruleId = addRule(code, "1", "2024-01-01");
		scoreAll(List.of(study("study:" + Ids.newId(), first.id(), "2024-02-01T09:00", code),
				study("study:" + Ids.newId(), second.id(), "2024-02-01T09:00", code)));
		changePoints(ruleId, code, "3", "2024-01-01");
		// The dead instance had replayed the member first in id order, then stopped
		// renewing its heartbeat.
		UUID done = this.world.db()
			.sql("SELECT member_id AS m FROM points_roster WHERE member_id IN (:a, :b) ORDER BY member_id LIMIT 1")
			.bind("a", first.id())
			.bind("b", second.id())
			.map((row) -> row.get("m", UUID.class))
			.one()
			.block();
		UUID rest = done.equals(first.id()) ? second.id() : first.id();
		UUID job = Ids.newId();
		Instant longAgo = this.clock.instant().minus(Duration.ofHours(1));
		this.world.db()
			.sql("""
					INSERT INTO points_recalculations (id, year, org_id, status, total, processed, cursor_member, owner,
					                                   heartbeat_at, requested_by, started_at)
					VALUES (:id, 2024, :org, 'RUNNING', 2, 1, :cursor, :owner, :heartbeat, :by, :heartbeat)""")
			.bind("id", job)
			.bind("org", committee.id())
			.bind("cursor", done)
			.bind("owner", UUID.randomUUID())
			.bind("heartbeat", longAgo)
			.bind("by", Ids.newId())
			.then()
			.block();
		Map<String, Object> resumed = awaitDone(job.toString());
		assertThat(resumed).containsEntry("processed", 2).containsEntry("compensations", 1);
		assertThat(this.world.total(rest, 2024)).isEqualByComparingTo("4");
		assertThat(this.world.total(done, 2024)).as("left to the dead instance").isEqualByComparingTo("2");
		awaitDone((String) start(Map.of("year", 2024, "orgId", committee.id().toString())).get("id"));
		assertThat(this.world.total(done, 2024)).isEqualByComparingTo("4")
			.isEqualByComparingTo(this.world.ledgerSum(done, 2024));
	}

	@Test
	void onlyTheSystemAdministratorRecalculates() {
		OrgUnit committee = this.world.committee();
		String orgAdmin = this.world.login(this.world.orgAdmin(committee));
		this.api.post(orgAdmin, "/api/v1/points/recalculations")
			.bodyValue(Map.of("year", 2022))
			.exchange()
			.expectStatus()
			.isForbidden();
		String job = (String) start(Map.of("year", 2022, "orgId", committee.id().toString())).get("id");
		this.api.get(orgAdmin, "/api/v1/points/recalculations/{id}", job).exchange().expectStatus().isForbidden();
		this.api.get(this.admin, "/api/v1/points/recalculations/{id}", Ids.newId())
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.post(this.admin, "/api/v1/points/recalculations")
			.bodyValue(Map.of("year", 2022, "orgId", Ids.newId().toString()))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.post(this.admin, "/api/v1/points/recalculations")
			.bodyValue(Map.of("year", 1999))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("year");
		this.api.post(this.admin, "/api/v1/points/recalculations")
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isBadRequest();
		awaitDone(job);
	}

	private void scoreAll(List<PointsEvent> events) {
		events.forEach(this.world::record);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.world.scoredCount(events.stream().map(PointsEvent::eventId).toList()) == events.size());
	}

	private String addRule(String code, String points, String from) {
		return (String) this.api.post(this.admin, "/api/v1/points/rules")
			.bodyValue(rule(code, "STUDY_COMPLETED", points, from, null))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	private void changePoints(String ruleId, String code, String points, String from) {
		this.client.put()
			.uri("/api/v1/points/rules/{id}", ruleId)
			.headers((headers) -> headers.setBearerAuth(this.admin))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(rule(code, "STUDY_COMPLETED", points, from, null))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private Map<String, Object> start(Map<String, Object> body) {
		return this.api.post(this.admin, "/api/v1/points/recalculations")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
	}

	private Map<String, Object> awaitDone(String id) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.api.getJson(this.admin, "/api/v1/points/recalculations/{id}", id),
					(job) -> "DONE".equals(job.get("status")));
	}

}
