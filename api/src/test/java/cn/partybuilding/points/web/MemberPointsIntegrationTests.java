package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.web.PointsWorld.Person;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /me/points}, {@code /members/{id}/points/entries} and
 * {@code /points/adjustments}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberPointsIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	WebTestClient client;

	@Autowired
	Clock clock;

	PointsWorld world;

	Api api;

	Person secretary;

	Person first;

	Person second;

	Person foreignSecretary;

	Person orgAdmin;

	int year;

	OrgUnit committee;

	@BeforeAll
	void setUp() {
		this.world = new PointsWorld(this.context, this.client);
		this.api = this.world.api();
		OrgUnit committee = this.world.committee();
		this.committee = committee;
		OrgUnit branch = this.world.branch(committee);
		this.secretary = this.world.secretary(branch);
		this.first = this.world.member(branch);
		this.second = this.world.member(branch);
		this.foreignSecretary = this.world.secretary(this.world.branch(this.world.committee()));
		this.orgAdmin = this.world.orgAdmin(committee);
		this.year = this.clock.instant().atZone(this.clock.getZone()).getYear();
		Instant now = this.clock.instant();
		List<PointsEvent> events = List.of(attended(this.first, now.minusSeconds(300), "THEME_DAY"),
				attended(this.second, now.minusSeconds(200), "BRANCH_ASSEMBLY"),
				PointsEvent.of("absence:" + Ids.newId(), this.second.id().toString(),
						EventType.ACTIVITY_ABSENT_WITHOUT_LEAVE, now.minusSeconds(100), Map.of()));
		events.forEach(this.world::record);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.world.scoredCount(events.stream().map(PointsEvent::eventId).toList()) == 3);
	}

	@Test
	void aMemberSeesTheirPointsByCategoryAndTheirRankInTheBranch() {
		String token = this.world.login(this.second);
		Map<String, Object> mine = this.api.getJson(token, "/api/v1/me/points");
		assertThat(mine).containsEntry("year", this.year).containsEntry("branchSize", 3);
		assertThat(decimal(mine.get("total"))).isEqualByComparingTo("1");
		assertThat(decimal(mine.get("basic"))).isEqualByComparingTo("3");
		assertThat(decimal(mine.get("bonus"))).isEqualByComparingTo("0");
		assertThat(decimal(mine.get("deduction"))).isEqualByComparingTo("-2");
		// first: 2 points, second: 1, the secretary: 0.
		assertThat(mine).containsEntry("rankInBranch", 2);
		this.api.get(this.world.login(this.secretary), "/api/v1/me/points")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rankInBranch")
			.isEqualTo(3)
			.jsonPath("$.total")
			.isEqualTo(0.0);
		this.api.get(token, "/api/v1/me/points?year=2021")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.year")
			.isEqualTo(2021)
			.jsonPath("$.total")
			.isEqualTo(0.0);
		this.api.get(token, "/api/v1/me/points?year=1999")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("year");
		this.api.get(token, "/api/v1/me/points?year=soon").exchange().expectStatus().isBadRequest();
	}

	@Test
	void theStatementIsPagedNewestFirstNamesRuleAndEventAndSumsToTheTotal() {
		Person member = this.world.member(this.world.branch(this.world.committee()));
		Instant now = this.clock.instant();
		List<PointsEvent> events = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			events
				.add(attended(member, now.minusSeconds(1000 - i * 100L), (i % 2 == 0) ? "THEME_DAY" : "PARTY_LECTURE"));
		}
		events.forEach(this.world::record);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.world.scoredCount(events.stream().map(PointsEvent::eventId).toList()) == 5);
		String token = this.world.login(member);
		List<Map<String, Object>> entries = new ArrayList<>();
		String cursor = null;
		do {
			String uri = "/api/v1/members/" + member.id() + "/points/entries?limit=2"
					+ ((cursor != null) ? "&cursor=" + cursor : "");
			Map<String, Object> page = this.api.getJson(token, uri);
			entries.addAll(PointsRulesIntegrationTests.items(page));
			cursor = (String) page.get("nextCursor");
		}
		while (cursor != null);
		assertThat(entries).hasSize(5);
		assertThat(entries).extracting((entry) -> entry.get("sourceId"))
			.containsExactlyElementsOf(events.reversed().stream().map(PointsEvent::eventId).toList());
		assertThat(entries.get(0)).containsEntry("ruleCode", "ATTEND_THEME_DAY")
			.containsEntry("eventType", "ACTIVITY_ATTENDED")
			.containsEntry("kind", "AWARD")
			.containsEntry("reason", "参加主题党日")
			.containsKeys("id", "occurredAt", "ruleVersionId");
		BigDecimal sum = entries.stream()
			.map((entry) -> decimal(entry.get("points")))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(sum).isEqualByComparingTo("12").isEqualByComparingTo(this.world.total(member.id(), this.year));
		assertThat((String) entries.get(0).get("occurredAt")).endsWith("+08:00");
	}

	@Test
	void aStatementIsReadBySelfAndByTheSecretariesAndAdminsOverTheBranchOnly() {
		String uri = "/api/v1/members/" + this.first.id() + "/points/entries";
		this.api.get(this.world.login(this.first), uri).exchange().expectStatus().isOk();
		this.api.get(this.world.login(this.secretary), uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].sourceId")
			.exists();
		this.api.get(this.world.login(this.orgAdmin), uri).exchange().expectStatus().isOk();
		this.api.get(this.api.loginAsAdmin(), uri).exchange().expectStatus().isOk();
		this.api.get(this.world.login(this.second), uri).exchange().expectStatus().isForbidden();
		this.api.get(this.world.login(this.foreignSecretary), uri).exchange().expectStatus().isNotFound();
		String secretary = this.world.login(this.secretary);
		this.api.get(secretary, "/api/v1/members/" + Ids.newId() + "/points/entries")
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.get(secretary, "/api/v1/members/not-an-id/points/entries").exchange().expectStatus().isNotFound();
		this.client.get().uri(uri).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aSecretaryAdjustsPointsWithAReasonAndGetsTheEntry() {
		String token = this.world.login(this.secretary);
		Map<String, Object> bonus = adjust(token, this.first, "5", "协助组织主题党日").expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(bonus).containsEntry("ruleCode", "MANUAL_BONUS")
			.containsEntry("eventType", "MANUAL_ADJUSTMENT")
			.containsEntry("category", "BONUS")
			.containsEntry("reason", "协助组织主题党日");
		assertThat(decimal(bonus.get("points"))).isEqualByComparingTo("5");
		assertThat((String) bonus.get("sourceId")).startsWith("adjustment:");
		Map<String, Object> deduction = adjust(token, this.first, "-1.5", "迟到").expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(deduction).containsEntry("ruleCode", "MANUAL_DEDUCTION").containsEntry("category", "DEDUCTION");
		assertThat(decimal(deduction.get("points"))).isEqualByComparingTo("-1.5");
		assertThat(this.world.total(this.first.id(), this.year))
			.isEqualByComparingTo(this.world.ledgerSum(this.first.id(), this.year))
			.isEqualByComparingTo("5.5");
	}

	@Test
	void anAdjustmentNeedsAReasonANonZeroAmountAndAScopeOverTheMember() {
		String token = this.world.login(this.secretary);
		adjust(token, this.second, "2", "").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reason");
		adjust(token, this.second, "0", "无").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("points");
		adjust(token, this.second, "2.25", "精度").expectStatus().isBadRequest();
		adjust(token, this.second, "5000", "太多").expectStatus().isBadRequest();
		this.api.post(token, "/api/v1/points/adjustments")
			.bodyValue(Map.of("points", 1, "reason", "无人"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		adjust(this.world.login(this.foreignSecretary), this.second, "2", "越权").expectStatus().isNotFound();
		adjust(this.world.login(this.first), this.second, "2", "同事").expectStatus().isForbidden();
		adjust(token, this.secretary, "2", "自己").expectStatus().isForbidden();
		Person stranger = new Person(Ids.newId(), Api.newPhone(), "无名", Ids.newId());
		adjust(token, stranger, "2", "不存在").expectStatus().isNotFound();
		assertThat(this.world.total(this.second.id(), this.year)).isEqualByComparingTo("1");
	}

	@Test
	void anAdjustmentRetriedWithItsIdempotencyKeyCountsOnce() {
		String token = this.world.login(this.orgAdmin);
		String key = "adjust-" + Ids.newId();
		Person inScope = this.world.member(this.world.branch(this.committee));
		for (int i = 0; i < 2; i++) {
			this.api.post(token, "/api/v1/points/adjustments")
				.header("Idempotency-Key", key)
				.bodyValue(Map.of("memberId", inScope.id().toString(), "points", "3", "reason", "重复提交"))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		assertThat(this.world.total(inScope.id(), this.year)).isEqualByComparingTo("3");
	}

	private WebTestClient.ResponseSpec adjust(String token, Person member, String points, String reason) {
		return this.api.post(token, "/api/v1/points/adjustments")
			.bodyValue(Map.of("memberId", member.id().toString(), "points", points, "reason", reason))
			.exchange();
	}

	private static PointsEvent attended(Person member, Instant at, String activityType) {
		return PointsEvent.of("checkin:" + Ids.newId(), member.id().toString(), EventType.ACTIVITY_ATTENDED, at,
				Map.of(PointsEvent.ACTIVITY_TYPE, activityType));
	}

	static BigDecimal decimal(Object value) {
		return new BigDecimal(value.toString());
	}

}
