package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.points.web.PointsWorld.Person;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /points/claims}: members claim bonus items, the secretary over their branch
 * approves or rejects them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimsIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	WebTestClient client;

	@Autowired
	Clock clock;

	PointsWorld world;

	Api api;

	OrgUnit branch;

	Person secretary;

	String secretaryToken;

	LocalDate today;

	@BeforeAll
	void setUp() {
		this.world = new PointsWorld(this.context, this.client);
		this.api = this.world.api();
		this.branch = this.world.branch(this.world.committee());
		this.secretary = this.world.secretary(this.branch);
		this.secretaryToken = this.world.login(this.secretary);
		this.today = LocalDate.now(this.clock);
	}

	@Test
	void aMemberClaimsABonusItemAndTheSecretaryApprovesItIntoPoints() {
		Person member = this.world.member(this.branch, "李红");
		String token = this.world.login(member);
		Map<String, Object> claim = claim(token, "COMMENDATION", this.today.minusDays(1),
				List.of("https://files.example/commendation.jpg"))
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(claim).containsEntry("status", "PENDING")
			.containsEntry("ruleCode", "COMMENDATION")
			.containsEntry("memberId", member.id().toString())
			.containsEntry("memberName", "李红")
			.containsEntry("branchId", this.branch.id().toString())
			.containsEntry("occurredOn", this.today.minusDays(1).toString())
			.containsEntry("evidenceUrls", List.of("https://files.example/commendation.jpg"));
		String id = (String) claim.get("id");
		this.api.get(token, "/api/v1/points/claims/{id}", id).exchange().expectStatus().isOk();
		this.api.post(this.secretaryToken, "/api/v1/points/claims/{id}/approve", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("APPROVED")
			.jsonPath("$.decidedBy")
			.isEqualTo(this.secretary.id().toString())
			.jsonPath("$.decidedAt")
			.exists();
		int year = this.today.minusDays(1).getYear();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.world.total(member.id(), year).compareTo(new BigDecimal("5")) == 0);
		assertThat(this.world.entriesOf("claim:" + id)).singleElement()
			.satisfies((entry) -> assertThat(entry).containsEntry("rule_code", "COMMENDATION"));
		assertProblem(this.api.post(this.secretaryToken, "/api/v1/points/claims/{id}/approve", id).exchange(), 409,
				"ILLEGAL_STATE");
		this.api.post(this.secretaryToken, "/api/v1/points/claims/{id}/reject", id)
			.bodyValue(Map.of("reason", "晚了"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void approvedClaimsAreCappedByTheirRule() {
		Person member = this.world.member(this.branch);
		String token = this.world.login(member);
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			String id = (String) claim(token, "COMMENDATION", this.today.minusDays(i), null).expectStatus()
				.isCreated()
				.expectBody(Api.JSON)
				.returnResult()
				.getResponseBody()
				.get("id");
			this.api.post(this.secretaryToken, "/api/v1/points/claims/{id}/approve", id)
				.exchange()
				.expectStatus()
				.isOk();
			ids.add("claim:" + id);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.world.scoredCount(ids) == 3);
		// COMMENDATION gives 5 points, at most 10 a year.
		int year = this.today.getYear();
		if (this.today.minusDays(3).getYear() == year) {
			assertThat(this.world.total(member.id(), year)).isEqualByComparingTo("10");
		}
		assertThat(this.world.ledgerSum(member.id(), year)).isEqualByComparingTo(this.world.total(member.id(), year));
	}

	@Test
	void aRejectedClaimGivesNoPoints() {
		Person member = this.world.member(this.branch);
		String id = (String) claim(this.world.login(member), "ADVANCED_MODEL", this.today, null).expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		this.api.post(this.secretaryToken, "/api/v1/points/claims/{id}/reject", id)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.api.post(this.secretaryToken, "/api/v1/points/claims/{id}/reject", id)
			.bodyValue(Map.of("reason", "证明材料不清晰"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REJECTED")
			.jsonPath("$.rejectReason")
			.isEqualTo("证明材料不清晰");
		this.api.post(this.secretaryToken, "/api/v1/points/claims/{id}/approve", id)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(this.world.scoredCount(List.of("claim:" + id))).isZero();
	}

	@Test
	void onlyClaimableBonusItemsOnPastDatesAreAccepted() {
		String token = this.world.login(this.world.member(this.branch));
		assertProblem(claim(token, "STUDY", this.today, null), 422, "RULE_NOT_CLAIMABLE");
		claim(token, "NO_SUCH_ITEM", this.today, null).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		claim(token, "COMMENDATION", LocalDate.of(2019, 12, 31), null).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		claim(token, "COMMENDATION", this.today.plusDays(1), null).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("occurredOn");
		claim(token, "COMMENDATION", this.today, List.of("not a link")).expectStatus().isBadRequest();
		this.api.post(token, "/api/v1/points/claims")
			.bodyValue(Map.of("ruleCode", "COMMENDATION", "occurredOn", this.today.toString()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("description");
		assertProblem(claim(this.api.loginAsAdmin(), "COMMENDATION", this.today, null), 422, "NOT_ON_ROSTER");
	}

	@Test
	void onlyASecretaryOverTheBranchDecidesAndNeverOnTheirOwnClaim() {
		OrgUnit committee = this.world.committee();
		OrgUnit branch = this.world.branch(committee);
		Person secretary = this.world.secretary(branch);
		Person member = this.world.member(branch);
		Person colleague = this.world.member(branch);
		String memberClaim = claimId(this.world.login(member));
		String secretaryToken = this.world.login(secretary);
		String ownClaim = claimId(secretaryToken);
		String approve = "/api/v1/points/claims/{id}/approve";
		this.api.post(this.secretaryToken, approve, memberClaim).exchange().expectStatus().isNotFound();
		this.api.post(this.world.login(colleague), approve, memberClaim).exchange().expectStatus().isForbidden();
		this.api.post(this.world.login(this.world.orgAdmin(committee)), approve, memberClaim)
			.exchange()
			.expectStatus()
			.isForbidden();
		assertProblem(this.api.post(secretaryToken, approve, ownClaim).exchange(), 403, "SELF_DECISION");
		this.api.post(secretaryToken, approve, Ids.newId().toString()).exchange().expectStatus().isNotFound();
		this.api.post(secretaryToken, approve, memberClaim).exchange().expectStatus().isOk();
		this.api.get(this.world.login(colleague), "/api/v1/points/claims/{id}", memberClaim)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.api.get(this.secretaryToken, "/api/v1/points/claims/{id}", memberClaim)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void membersListTheirOwnClaimsAndSecretariesThoseOfTheirBranches() {
		OrgUnit branch = this.world.branch(this.world.committee());
		Person secretary = this.world.secretary(branch);
		Person member = this.world.member(branch);
		Person colleague = this.world.member(branch);
		String memberToken = this.world.login(member);
		String first = claimId(memberToken);
		String second = claimId(memberToken);
		String colleagues = claimId(this.world.login(colleague));
		this.api.post(this.world.login(secretary), "/api/v1/points/claims/{id}/reject", second)
			.bodyValue(Map.of("reason", "重复"))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(ids(memberToken, "")).containsExactly(second, first);
		assertThat(ids(memberToken, "?status=PENDING")).containsExactly(first);
		String secretaryToken = this.world.login(secretary);
		assertThat(ids(secretaryToken, "?status=PENDING")).containsExactly(colleagues, first);
		assertThat(ids(secretaryToken, "?mine=true")).isEmpty();
		assertThat(ids(this.secretaryToken, "")).doesNotContain(first, second, colleagues);
		Map<String, Object> page = this.api.getJson(secretaryToken, "/api/v1/points/claims?limit=2");
		assertThat(page.get("nextCursor")).isNotNull();
		this.api.get(secretaryToken, "/api/v1/points/claims?status=LOST").exchange().expectStatus().isBadRequest();
	}

	private List<Object> ids(String token, String query) {
		Map<String, Object> page = this.api.getJson(token, "/api/v1/points/claims" + query);
		return PointsRulesIntegrationTests.items(page).stream().map((claim) -> claim.get("id")).toList();
	}

	private String claimId(String token) {
		return (String) claim(token, "COMMENDATION", this.today, null).expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	private WebTestClient.ResponseSpec claim(String token, String ruleCode, LocalDate occurredOn,
			List<String> evidence) {
		Map<String, Object> body = new HashMap<>();
		body.put("ruleCode", ruleCode);
		body.put("occurredOn", occurredOn.toString());
		body.put("description", "获评街道优秀志愿者");
		if (evidence != null) {
			body.put("evidenceUrls", evidence);
		}
		return this.api.post(token, "/api/v1/points/claims").bodyValue(body).exchange();
	}

}
