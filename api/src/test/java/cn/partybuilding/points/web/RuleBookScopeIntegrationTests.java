package cn.partybuilding.points.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.partybuilding.points.rules.PointsRules;
import cn.partybuilding.security.Role;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule book is the district's: an org admin of one grid branch (or of a community)
 * cannot add a 999-point rule for everyone or rewrite a basic attendance rule; the system
 * administrator and the org admins of a top-level committee can, and every change keeps
 * who, when and what it was before, readable by administrators in the audit log.
 */
@IntegrationTest
class RuleBookScopeIntegrationTests {

	/** A basic rule of the default book: attending a branch assembly, 3 points. */
	static final String BASIC_ATTENDANCE = "ATTEND_BRANCH_ASSEMBLY@2020-01-01";

	@Autowired
	PointsRules rules;

	@Autowired
	TestDistrict district;

	@Autowired
	Api api;

	Person branchOrgAdmin;

	Person communityOrgAdmin;

	@BeforeEach
	void setUp() {
		this.branchOrgAdmin = this.district.newPerson(this.district.branchA, "网格组织员", Role.ORG_ADMIN,
				this.district.branchA);
		this.communityOrgAdmin = this.district.newPerson(this.district.branchA, "社区组织员", Role.ORG_ADMIN,
				this.district.community);
	}

	@Test
	void onlyTheDistrictsAdministratorsChangeTheRuleBook() {
		String code = "SCOPE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Map<String, Object> hugeBonus = rule(code, "999");
		for (Person lower : List.of(this.branchOrgAdmin, this.communityOrgAdmin, this.district.secretaryA,
				this.district.memberA)) {
			assertProblem(this.api.post(lower.token(), "/api/v1/points/rules").bodyValue(hugeBonus).exchange(), 403,
					"DISTRICT_ADMIN_REQUIRED");
			this.api.client()
				.put()
				.uri("/api/v1/points/rules/{id}", BASIC_ATTENDANCE)
				.headers((headers) -> headers.setBearerAuth(lower.token()))
				.bodyValue(attendanceRule("99"))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		assertThat(this.rules.book().block().version(BASIC_ATTENDANCE).orElseThrow().points())
			.isEqualByComparingTo("3");
		assertThat(this.rules.book().block().versions()).noneMatch((version) -> version.code().equals(code));

		// An org admin of a top-level committee adds it; the system administrator changes
		// it.
		String id = (String) this.api.post(this.district.orgAdmin.token(), "/api/v1/points/rules")
			.bodyValue(hugeBonus)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		this.api.client()
			.put()
			.uri("/api/v1/points/rules/{id}", id)
			.headers((headers) -> headers.setBearerAuth(this.district.sysAdmin.token()))
			.bodyValue(rule(code, "5"))
			.exchange()
			.expectStatus()
			.isOk();

		List<Map<String, Object>> entries = auditOf(this.district.orgAdmin, id);
		assertThat(entries).extracting((entry) -> entry.get("action"))
			.containsExactly("POINTS_RULE_CHANGED", "POINTS_RULE_ADDED");
		Map<String, Object> changed = entries.get(0);
		// The system administrator is no member: an id, no name.
		assertThat(changed).containsKeys("actorId", "at")
			.doesNotContainKey("actorName")
			.containsEntry("targetType", "POINTS_RULE");
		assertThat(details(changed)).containsEntry("before.points", "999")
			.containsEntry("points", "5")
			.containsEntry("code", code);
		Map<String, Object> added = entries.get(1);
		assertThat(added).containsEntry("actorId", this.district.orgAdmin.id().toString())
			.containsEntry("actorName", "区组织员");
		assertThat(details(added)).containsEntry("points", "999");
	}

	@Test
	void theAuditLogIsForAdministrators() {
		this.api.get(this.district.secretaryA.token(), "/api/v1/audit-log").exchange().expectStatus().isForbidden();
		this.api.get(this.district.memberA.token(), "/api/v1/audit-log").exchange().expectStatus().isForbidden();
		this.api.get(this.district.sysAdmin.token(), "/api/v1/audit-log?limit=5").exchange().expectStatus().isOk();
		// An org admin anywhere reads what concerns the whole installation (the rule
		// book): it applies to them too.
		this.api.get(this.district.foreignOrgAdmin.token(), "/api/v1/audit-log?action=POINTS_RULE_ADDED")
			.exchange()
			.expectStatus()
			.isOk();
		this.api.get(this.district.sysAdmin.token(), "/api/v1/audit-log?action=not-an-action")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Map<String, Object> entry) {
		return (Map<String, Object>) entry.get("details");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> auditOf(Person reader, String targetId) {
		return (List<Map<String, Object>>) this.api.getJson(reader.token(), "/api/v1/audit-log?targetId={id}", targetId)
			.get("items");
	}

	/** A bonus rule for far in the future, so it scores nothing other tests do. */
	private static Map<String, Object> rule(String code, String points) {
		Map<String, Object> rule = new HashMap<>();
		rule.put("code", code);
		rule.put("name", "测试加分");
		rule.put("category", "BONUS");
		rule.put("eventType", "STUDY_COMPLETED");
		rule.put("points", points);
		rule.put("effectiveFrom", "2090-01-01");
		return rule;
	}

	private static Map<String, Object> attendanceRule(String points) {
		return Map.of("code", "ATTEND_BRANCH_ASSEMBLY", "name", "参加支部党员大会", "category", "BASIC", "eventType",
				"ACTIVITY_ATTENDED", "points", points, "match", Map.of("activityType", "BRANCH_ASSEMBLY"), "capPerYear",
				"12", "effectiveFrom", "2020-01-01");
	}

}
