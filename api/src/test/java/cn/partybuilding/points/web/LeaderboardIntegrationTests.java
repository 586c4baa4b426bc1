package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
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
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.web.PointsWorld.Person;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;

import static cn.partybuilding.points.web.MemberPointsIntegrationTests.decimal;
import static cn.partybuilding.points.web.PointsRulesIntegrationTests.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /orgs/{id}/leaderboard} and {@code /orgs/{id}/evaluation} over this tree:
 * committee C with general branch G (branches B1: secretary 0, a 10, d 0; B2: b 10, e 4)
 * and branch B3 (c 5), and the admin's own branch (admin 0).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaderboardIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	WebTestClient client;

	@Autowired
	Clock clock;

	PointsWorld world;

	Api api;

	OrgUnit committee;

	OrgUnit general;

	OrgUnit b1;

	Person secretary;

	Person a;

	Person b;

	Person c;

	Person d;

	Person e;

	Person admin;

	String adminToken;

	@BeforeAll
	void setUp() {
		this.world = new PointsWorld(this.context, this.client);
		this.api = this.world.api();
		this.committee = this.world.committee();
		this.general = this.world.generalBranch(this.committee);
		this.b1 = this.world.branch(this.general);
		OrgUnit b2 = this.world.branch(this.general);
		OrgUnit b3 = this.world.branch(this.committee);
		this.secretary = this.world.secretary(this.b1);
		this.a = this.world.member(this.b1, "张甲");
		this.d = this.world.member(this.b1, "张丁");
		this.b = this.world.member(b2, "王乙");
		this.e = this.world.member(b2, "王戊");
		this.c = this.world.member(b3, "李丙");
		this.admin = this.world.orgAdmin(this.committee);
		this.adminToken = this.world.login(this.admin);
		List<PointsEvent> events = List.of(bonus(this.a, "10"), bonus(this.b, "10"), bonus(this.c, "5"),
				bonus(this.e, "4"));
		events.forEach(this.world::record);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.world.scoredCount(events.stream().map(PointsEvent::eventId).toList()) == 4);
	}

	@Test
	void theLeaderboardRanksTheWholeSubtreeWithTiesSharingARankAndShowsMe() {
		Map<String, Object> board = board(this.adminToken, this.committee, "");
		List<Map<String, Object>> items = items(board);
		assertThat(items).extracting((item) -> item.get("rank")).containsExactly(1, 1, 3, 4, 5, 5, 5);
		assertThat(items.subList(0, 2)).extracting((item) -> item.get("memberId"))
			.containsExactlyInAnyOrder(this.a.id().toString(), this.b.id().toString());
		assertThat(items.get(2)).containsEntry("memberId", this.c.id().toString()).containsEntry("name", "李丙");
		assertThat(decimal(items.get(2).get("points"))).isEqualByComparingTo("5");
		assertThat(items.subList(4, 7)).extracting((item) -> item.get("memberId"))
			.containsExactlyInAnyOrder(this.secretary.id().toString(), this.d.id().toString(),
					this.admin.id().toString());
		@SuppressWarnings("unchecked")
		Map<String, Object> me = (Map<String, Object>) board.get("me");
		assertThat(me).containsEntry("rank", 5);
		assertThat(decimal(me.get("points"))).isEqualByComparingTo("0");
	}

	@Test
	void aLeaderboardCoversOnlyTheSubtreeAndALimit() {
		Map<String, Object> board = board(this.adminToken, this.general, "");
		assertThat(items(board)).extracting((item) -> item.get("rank")).containsExactly(1, 1, 3, 4, 4);
		assertThat(board).doesNotContainKey("me");
		assertThat(items(board(this.adminToken, this.committee, "?limit=2"))).hasSize(2);
		Map<String, Object> lastYear = board(this.adminToken, this.committee, "?year=2021");
		assertThat(items(lastYear)).extracting((item) -> item.get("rank")).containsOnly(1);
		assertThat(lastYear).containsEntry("year", 2021);
	}

	@Test
	void aMemberSeesTheBranchBoardButNothingAbove() {
		String token = this.world.login(this.a);
		Map<String, Object> board = board(token, this.b1, "");
		assertThat(items(board)).hasSize(3);
		assertThat(board.get("me")).isEqualTo(Map.of("rank", 1, "points", 10.0));
		get(token, this.committee, "").expectStatus().isNotFound();
		get(this.world.login(this.world.secretary(this.world.branch(this.world.committee()))), this.b1, "")
			.expectStatus()
			.isNotFound();
		this.api.get(token, "/api/v1/orgs/{id}/leaderboard", Ids.newId()).exchange().expectStatus().isNotFound();
		get(token, this.b1, "?limit=0").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit");
		get(token, this.b1, "?limit=101").expectStatus().isBadRequest();
		get(token, this.b1, "?year=1999").expectStatus().isBadRequest();
	}

	@Test
	void anAdministratorGradesTheSubtreeWithinTheShareOfExcellent() {
		Map<String, Object> evaluated = evaluate(this.committee,
				Map.of("excellentFrom", 10, "qualifiedFrom", 4, "basicFrom", 1, "maxExcellentShare", 0.3))
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(evaluated).doesNotContainKeys("items", "nextCursor")
			.containsEntry("members", 7)
			.containsEntry("counts", Map.of("EXCELLENT", 2, "QUALIFIED", 2, "BASIC", 0, "UNQUALIFIED", 3));
		List<Map<String, Object>> grades = allGrades(this.committee);
		assertThat(grades).hasSize(7);
		assertThat(grades.get(0)).containsEntry("grade", "EXCELLENT");
		assertThat(grades).filteredOn((grade) -> this.c.id().toString().equals(grade.get("memberId")))
			.singleElement()
			.satisfies((grade) -> assertThat(grade).containsEntry("grade", "QUALIFIED").containsEntry("name", "李丙"));
		// At most a fifth of 7 (1) may be excellent: the two tied at 10 cannot both be,
		// so neither is.
		evaluate(this.committee,
				Map.of("excellentFrom", 10, "qualifiedFrom", 4, "basicFrom", 1, "maxExcellentShare", 0.2))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.counts.EXCELLENT")
			.isEqualTo(0)
			.jsonPath("$.counts.QUALIFIED")
			.isEqualTo(4)
			.jsonPath("$.scheme.maxExcellentShare")
			.isEqualTo(0.2);
		this.api.get(this.adminToken, "/api/v1/orgs/{id}/evaluation", this.committee.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.scheme.excellentFrom")
			.isEqualTo(10.0)
			.jsonPath("$.counts.EXCELLENT")
			.isEqualTo(0);
	}

	@Test
	void theDefaultSchemeAppliesWithoutABody() {
		OrgUnit branch = this.world.branch(this.committee);
		this.api.post(this.adminToken, "/api/v1/orgs/{id}/evaluation", this.b1.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.scheme.excellentFrom")
			.isEqualTo(90.0)
			.jsonPath("$.scheme.maxExcellentShare")
			.isEqualTo(0.2)
			.jsonPath("$.counts.UNQUALIFIED")
			.isEqualTo(3);
		this.api.get(this.adminToken, "/api/v1/orgs/{id}/evaluation", branch.id())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void evaluationIsForAdministratorsOfTheOrgWithSoundThresholds() {
		evaluate(this.committee, Map.of("excellentFrom", 5, "qualifiedFrom", 10)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("thresholds");
		evaluate(this.committee, Map.of("maxExcellentShare", 1.5)).expectStatus().isBadRequest();
		String secretary = this.world.login(this.secretary);
		this.api.post(secretary, "/api/v1/orgs/{id}/evaluation", this.b1.id()).exchange().expectStatus().isForbidden();
		this.api.get(secretary, "/api/v1/orgs/{id}/evaluation", this.b1.id()).exchange().expectStatus().isForbidden();
		String foreignAdmin = this.world.login(this.world.orgAdmin(this.world.committee()));
		this.api.post(foreignAdmin, "/api/v1/orgs/{id}/evaluation", this.committee.id())
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.get(this.world.login(this.a), "/api/v1/orgs/{id}/evaluation", this.committee.id())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private List<Map<String, Object>> allGrades(OrgUnit org) {
		List<Map<String, Object>> grades = new ArrayList<>();
		String cursor = null;
		do {
			String uri = "/api/v1/orgs/" + org.id() + "/evaluation?limit=3"
					+ ((cursor != null) ? "&cursor=" + cursor : "");
			Map<String, Object> page = this.api.getJson(this.adminToken, uri);
			grades.addAll(items(page));
			cursor = (String) page.get("nextCursor");
		}
		while (cursor != null);
		List<BigDecimal> points = grades.stream().map((grade) -> decimal(grade.get("points"))).toList();
		assertThat(points).isSortedAccordingTo((x, y) -> y.compareTo(x));
		return grades;
	}

	private WebTestClient.ResponseSpec evaluate(OrgUnit org, Map<String, Object> scheme) {
		return this.api.post(this.adminToken, "/api/v1/orgs/{id}/evaluation", org.id()).bodyValue(scheme).exchange();
	}

	private Map<String, Object> board(String token, OrgUnit org, String query) {
		return get(token, org, query).expectStatus().isOk().expectBody(Api.JSON).returnResult().getResponseBody();
	}

	private WebTestClient.ResponseSpec get(String token, OrgUnit org, String query) {
		return this.api.get(token, "/api/v1/orgs/" + org.id() + "/leaderboard" + query).exchange();
	}

	private PointsEvent bonus(Person member, String points) {
		return PointsEvent.adjustment("adjustment:" + Ids.newId(), member.id().toString(), this.clock.instant(),
				new BigDecimal(points), "测试");
	}

}
