package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
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
import cn.partybuilding.points.core.BusinessCalendar;
import cn.partybuilding.points.core.DefaultRuleBook;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.core.RuleVersion;
import cn.partybuilding.points.rules.PointsRules;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsRulesIntegrationTests {

	static final LocalDate DEFAULTS_FROM = LocalDate.of(2020, 1, 1);

	@Autowired
	ApplicationContext context;

	@Autowired
	WebTestClient client;

	@Autowired
	PointsRules rules;

	PointsWorld world;

	Api api;

	String admin;

	String orgAdmin;

	String secretary;

	String member;

	@BeforeAll
	void setUp() {
		this.world = new PointsWorld(this.context, this.client);
		this.api = this.world.api();
		OrgUnit committee = this.world.committee();
		OrgUnit branch = this.world.branch(committee);
		this.admin = this.api.loginAsAdmin();
		this.orgAdmin = this.world.login(this.world.orgAdmin(committee));
		this.secretary = this.world.login(this.world.secretary(branch));
		this.member = this.world.login(this.world.member(branch));
	}

	@Test
	void theDefaultRuleBookIsLoadedByTheMigration() {
		List<RuleVersion> stored = this.rules.book()
			.block()
			.versions()
			.stream()
			.filter((version) -> version.id().endsWith("@" + DEFAULTS_FROM))
			.toList();
		assertThat(stored).containsExactlyInAnyOrderElementsOf(DefaultRuleBook.versions(DEFAULTS_FROM));
	}

	@Test
	void everyMemberReadsTheRulesInForceOnADate() {
		Map<String, Object> page = this.api.getJson(this.member, "/api/v1/points/rules?at=2020-01-01&limit=100");
		Map<String, Object> themeDay = items(page).stream()
			.filter((rule) -> "ATTEND_THEME_DAY".equals(rule.get("code")))
			.findFirst()
			.orElseThrow();
		assertThat(themeDay).containsEntry("name", "参加主题党日")
			.containsEntry("category", "BASIC")
			.containsEntry("eventType", "ACTIVITY_ATTENDED")
			.containsEntry("basis", "PER_EVENT")
			.containsEntry("match", Map.of("activityType", "THEME_DAY"))
			.containsEntry("effectiveFrom", "2020-01-01")
			.doesNotContainKey("capPerDay");
		assertThat(new BigDecimal(themeDay.get("points").toString())).isEqualByComparingTo("2");
		assertThat(new BigDecimal(themeDay.get("capPerYear").toString())).isEqualByComparingTo("8");
		this.api.get(this.member, "/api/v1/points/rules?at=2019-12-31")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.code == 'ATTEND_THEME_DAY')]")
			.doesNotExist();
		this.api.get(this.member, "/api/v1/points/rules?at=yesterday").exchange().expectStatus().isBadRequest();
	}

	@Test
	void theRuleListIsPaged() {
		Map<String, Object> first = this.api.getJson(this.member, "/api/v1/points/rules?limit=5");
		assertThat(items(first)).hasSize(5);
		assertThat(first.get("nextCursor")).isNotNull();
		Map<String, Object> second = this.api.getJson(this.member, "/api/v1/points/rules?limit=5&cursor={cursor}",
				first.get("nextCursor"));
		assertThat(items(second)).isNotEmpty();
		assertThat(items(second)).extracting((rule) -> rule.get("id"))
			.doesNotContainAnyElementsOf(items(first).stream().map((rule) -> rule.get("id")).toList());
	}

	@Test
	void anAdministratorAddsARuleThatScoresFromItsEffectiveDate() {
		String code = newCode();
		Map<String, Object> created = post(this.orgAdmin, rule(code, "STUDY_COMPLETED", "4", "2021-01-01", null))
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(created).containsEntry("code", code).containsEntry("basis", "PER_UNIT").containsKey("id");
		UUID member = Ids.newId();
		String before = "study:" + Ids.newId();
		String after = "study:" + Ids.newId();
		this.world.record(study(before, member, "2020-12-31T10:00", code));
		this.world.record(study(after, member, "2021-01-04T10:00", code));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.world.scoredCount(List.of(before, after)) == 2);
		assertThat(this.world.entriesOf(before)).extracting((entry) -> entry.get("rule_code")).doesNotContain(code);
		assertThat(this.world.entriesOf(after)).filteredOn((entry) -> code.equals(entry.get("rule_code")))
			.singleElement()
			.satisfies((entry) -> assertThat((BigDecimal) entry.get("points")).isEqualByComparingTo("4"));
	}

	@Test
	void aChangeTakesEffectFromItsEffectiveFromAndLeavesWhatWasScoredBefore() {
		String code = newCode();
		String firstId = (String) post(this.admin, rule(code, "STUDY_COMPLETED", "1", "2021-01-01", null))
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		UUID member = Ids.newId();
		String early = "study:" + Ids.newId();
		this.world.record(study(early, member, "2021-03-01T10:00", code));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.world.scoredCount(List.of(early)) == 1);
		// The current version ends on 30 June; a new one with 3 points starts on 1 July.
		put(this.orgAdmin, firstId, rule(code, "STUDY_COMPLETED", "1", "2021-01-01", "2021-06-30")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.effectiveTo")
			.isEqualTo("2021-06-30");
		post(this.orgAdmin, rule(code, "STUDY_COMPLETED", "3", "2021-07-01", null)).expectStatus().isCreated();
		String late = "study:" + Ids.newId();
		String june = "study:" + Ids.newId();
		this.world.record(study(late, member, "2021-07-02T10:00", code));
		this.world.record(study(june, member, "2021-06-30T10:00", code));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.world.scoredCount(List.of(late, june)) == 2);
		assertThat(pointsUnder(early, code)).isEqualByComparingTo("1");
		assertThat(pointsUnder(june, code)).isEqualByComparingTo("1");
		assertThat(pointsUnder(late, code)).isEqualByComparingTo("3");
	}

	@Test
	void overlappingVersionsOfARuleAreAConflict() {
		String code = newCode();
		post(this.admin, rule(code, "STUDY_COMPLETED", "1", "2021-01-01", null)).expectStatus().isCreated();
		assertProblem(post(this.admin, rule(code, "STUDY_COMPLETED", "2", "2022-01-01", null)), 409,
				"RULE_VERSIONS_OVERLAP");
	}

	@Test
	void aVersionCannotChangeTheCategoryOfItsRule() {
		String code = newCode();
		post(this.admin, rule(code, "STUDY_COMPLETED", "1", "2021-01-01", "2021-12-31")).expectStatus().isCreated();
		Map<String, Object> deduction = rule(code, "STUDY_COMPLETED", "1", "2022-01-01", null);
		deduction.put("category", "DEDUCTION");
		assertProblem(post(this.admin, deduction), 409, "RULE_CATEGORY_CHANGED");
	}

	@Test
	void malformedRulesAreRefusedFieldByField() {
		Map<String, Object> backwards = rule(newCode(), "STUDY_COMPLETED", "1", "2021-01-01", "2020-12-31");
		post(this.admin, backwards).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED")
			.jsonPath("$.errors[0].field")
			.isEqualTo("effectiveTo");
		Map<String, Object> fromEvent = rule(newCode(), "STUDY_COMPLETED", "1", "2021-01-01", null);
		fromEvent.put("basis", "FROM_EVENT");
		post(this.admin, fromEvent).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields.toString()).contains("basis"));
		Map<String, Object> lowercase = rule("not_upper", "STUDY_COMPLETED", "-1", "2021-01-01", null);
		post(this.admin, lowercase).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields.toString()).contains("code").contains("points"));
		Map<String, Object> unknownType = rule(newCode(), "DANCING", "1", "2021-01-01", null);
		post(this.admin, unknownType).expectStatus().isBadRequest();
		post(this.admin, Map.of("code", newCode())).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields.toString()).contains("name").contains("effectiveFrom"));
	}

	@Test
	void onlyAdministratorsChangeRules() {
		Map<String, Object> body = rule(newCode(), "STUDY_COMPLETED", "1", "2021-01-01", null);
		assertProblem(post(this.member, body), 403, "DISTRICT_ADMIN_REQUIRED");
		post(this.secretary, body).expectStatus().isForbidden();
		put(this.secretary, "STUDY@2020-01-01", body).expectStatus().isForbidden();
		this.api.anonymousPost("/api/v1/points/rules").bodyValue(body).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void changingAVersionThatDoesNotExistOrItsCodeIsRefused() {
		String code = newCode();
		put(this.admin, "NO_SUCH_RULE@2020-01-01", rule(code, "STUDY_COMPLETED", "1", "2021-01-01", null))
			.expectStatus()
			.isNotFound();
		String id = (String) post(this.admin, rule(code, "STUDY_COMPLETED", "1", "2021-01-01", null)).expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		put(this.admin, id, rule(newCode(), "STUDY_COMPLETED", "1", "2021-01-01", null)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("code");
	}

	private BigDecimal pointsUnder(String eventId, String code) {
		return this.world.entriesOf(eventId)
			.stream()
			.filter((entry) -> code.equals(entry.get("rule_code")))
			.map((entry) -> (BigDecimal) entry.get("points"))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private WebTestClient.ResponseSpec post(String token, Map<String, Object> body) {
		return this.api.post(token, "/api/v1/points/rules").bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec put(String token, String id, Map<String, Object> body) {
		return this.client.put().uri("/api/v1/points/rules/{id}", id).headers((headers) -> {
			headers.setBearerAuth(token);
			headers.set("X-Forwarded-For", this.api.address());
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	/** A code no other test uses. */
	static String newCode() {
		return "T_" + Ids.newId().toString().replace("-", "").substring(20).toUpperCase();
	}

	/**
	 * A basic rule per unit (study items) that only scores events whose {@code course}
	 * detail is its own code, so it never touches the events of other tests.
	 */
	static Map<String, Object> rule(String code, String eventType, String points, String from, String to) {
		Map<String, Object> rule = new HashMap<>();
		rule.put("code", code);
		rule.put("name", "测试规则 " + code);
		rule.put("category", "BASIC");
		rule.put("eventType", eventType);
		rule.put("points", points);
		rule.put("basis", "PER_UNIT");
		rule.put("match", Map.of("course", code));
		rule.put("capPerYear", "100");
		rule.put("effectiveFrom", from);
		if (to != null) {
			rule.put("effectiveTo", to);
		}
		return rule;
	}

	static PointsEvent study(String eventId, UUID member, String localDateTime, String course) {
		Instant at = java.time.LocalDateTime.parse(localDateTime).atZone(BusinessCalendar.SHANGHAI).toInstant();
		return new PointsEvent(eventId, member.toString(), EventType.STUDY_COMPLETED, at, Map.of("course", course),
				BigDecimal.ONE, null, null, null);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> items(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("items");
	}

}
