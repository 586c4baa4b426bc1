package cn.partybuilding.member;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Registering, reading and changing members, roles, /me and 双报到, within scope. */
@IntegrationTest
class MemberIntegrationTests {

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Test
	void aSecretaryRegistersAMemberWhoCanThenLogIn() {
		String phone = Api.newPhone();
		Map<String, Object> member = register(this.district.secretaryA.token(), newMember(phone)).expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(member).containsEntry("name", "王新党员")
			.containsEntry("branchId", this.district.branchA.toString())
			.containsEntry("status", "FULL")
			.containsEntry("phone", phone.substring(0, 3) + "****" + phone.substring(7));
		this.api.login(phone, "Initial#2026");
	}

	@Test
	void aDuplicatePhoneIsA409() {
		assertProblem(register(this.district.secretaryA.token(), newMember(this.district.memberB.phone())), 409,
				"PHONE_TAKEN");
	}

	@Test
	void anInvalidPhoneIsA400NamingIt() {
		register(this.district.secretaryA.token(), newMember("12345")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("phone");
	}

	@Test
	void datesInTheFutureOrJoiningBeforeEighteenAre400WithFieldErrors() {
		Map<String, Object> body = newMember(Api.newPhone());
		body.put("birthDate", "2010-01-01");
		body.put("joinedPartyOn", LocalDate.now().plusDays(10).toString());
		body.remove("fullMemberOn");
		register(this.district.secretaryA.token(), body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("joinedPartyOn");
		body.put("joinedPartyOn", "2026-01-01");
		register(this.district.secretaryA.token(), body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("joinedPartyOn")
			.jsonPath("$.errors[0].message")
			.isEqualTo("入党时须年满十八周岁");
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsA400NamingIt() {
		Map<String, Object> body = newMember(Api.newPhone());
		// 25 Chinese characters are 75 bytes: within the 64 characters, beyond the 72
		// bytes bcrypt hashes.
		body.put("initialPassword", "党".repeat(25));
		register(this.district.secretaryA.token(), body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("initialPassword")
			.jsonPath("$.errors[0].message")
			.isEqualTo("不能超过 72 个字节（一个汉字占 3 个字节）");
		body.put("initialPassword", "党".repeat(24));
		register(this.district.secretaryA.token(), body).expectStatus().isCreated();
	}

	@Test
	void missingFieldsAndUnknownValuesAre400() {
		register(this.district.secretaryA.token(), Map.of("name", "x")).expectStatus().isBadRequest();
		Map<String, Object> body = newMember(Api.newPhone());
		body.put("category", "ASTRONAUT");
		register(this.district.secretaryA.token(), body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("category");
	}

	@Test
	void aMemberBelongsToABranchNotACommunity() {
		Map<String, Object> body = newMember(Api.newPhone());
		body.put("branchId", this.district.community.toString());
		assertProblem(register(this.district.orgAdmin.token(), body), 422, "BRANCH_REQUIRED");
	}

	@Test
	void onlyAdministratorsOfTheBranchRegisterMembers() {
		register(this.district.memberA.token(), newMember(Api.newPhone())).expectStatus().isForbidden();
		register(this.district.secretaryB.token(), newMember(Api.newPhone())).expectStatus().isNotFound();
		register(this.district.foreignSecretary.token(), newMember(Api.newPhone())).expectStatus().isNotFound();
		register(this.district.orgAdmin.token(), newMember(Api.newPhone())).expectStatus().isCreated();
	}

	@Test
	void aMemberSeesTheirOwnPhoneAndOthersSeeItMasked() {
		String phone = this.district.memberA.phone();
		member(this.district.memberA.token()).expectBody().jsonPath("$.phone").isEqualTo(phone);
		member(this.district.secretaryA.token()).expectBody()
			.jsonPath("$.phone")
			.isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		member(this.district.orgAdmin.token()).expectBody()
			.jsonPath("$.phone")
			.isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		member(this.district.secretaryB.token()).expectStatus().isNotFound();
		member(this.district.foreignSecretary.token()).expectStatus().isNotFound();
		member(this.district.foreignOrgAdmin.token()).expectStatus().isNotFound();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theMembersOfAUnitAreItsWholeSubtreeMaskedAndPaged() {
		Map<String, Object> page = this.api.getJson(this.district.orgAdmin.token(), "/api/v1/orgs/{id}/members?limit=4",
				this.district.community);
		List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
		assertThat(items).hasSize(4).allSatisfy((item) -> assertThat((String) item.get("phone")).contains("****"));
		Map<String, Object> rest = this.api.getJson(this.district.orgAdmin.token(),
				"/api/v1/orgs/{id}/members?limit=4&cursor={c}", this.district.community, page.get("nextCursor"));
		assertThat((List<Object>) rest.get("items")).hasSize(2);
		this.api.get(this.district.foreignOrgAdmin.token(), "/api/v1/orgs/{id}/members", this.district.community)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anOrgAdminMovesAMemberAndChangesStatusAndCategory() {
		this.api.client()
			.patch()
			.uri("/api/v1/members/{id}", this.district.memberA2.id())
			.headers((headers) -> headers.setBearerAuth(this.district.orgAdmin.token()))
			.bodyValue(Map.of("branchId", this.district.branchB.toString(), "status", "TRANSFERRED_OUT", "category",
					"RETIRED"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.branchId")
			.isEqualTo(this.district.branchB.toString())
			.jsonPath("$.status")
			.isEqualTo("TRANSFERRED_OUT")
			.jsonPath("$.category")
			.isEqualTo("RETIRED");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aMovedMemberRanksInTheNewBranchAndALeaverInNone() {
		this.api.client()
			.patch()
			.uri("/api/v1/members/{id}", this.district.memberA2.id())
			.headers((headers) -> headers.setBearerAuth(this.district.orgAdmin.token()))
			.bodyValue(Map.of("branchId", this.district.branchB.toString()))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(leaderboard(this.district.branchB)).contains(this.district.memberA2.id().toString());
		assertThat(leaderboard(this.district.branchA)).doesNotContain(this.district.memberA2.id().toString());
		this.api.client()
			.patch()
			.uri("/api/v1/members/{id}", this.district.memberA2.id())
			.headers((headers) -> headers.setBearerAuth(this.district.orgAdmin.token()))
			.bodyValue(Map.of("status", "LEFT"))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(leaderboard(this.district.branchB)).doesNotContain(this.district.memberA2.id().toString());
	}

	@SuppressWarnings("unchecked")
	private List<String> leaderboard(java.util.UUID org) {
		List<Map<String, Object>> items = (List<Map<String, Object>>) this.api
			.getJson(this.district.orgAdmin.token(), "/api/v1/orgs/{id}/leaderboard?limit=100", org)
			.get("items");
		return items.stream().map((item) -> (String) item.get("memberId")).toList();
	}

	@Test
	void aSecretaryCannotMoveAMemberOutOfTheirScopeAndAMemberCannotChangeThemselves() {
		patch(this.district.secretaryA.token(), Map.of("branchId", this.district.branchB.toString())).expectStatus()
			.isNotFound();
		patch(this.district.secretaryA.token(), Map.of("branchId", this.district.community.toString())).expectStatus()
			.isNotFound();
		patch(this.district.orgAdmin.token(), Map.of("branchId", this.district.community.toString())).expectStatus()
			.isEqualTo(422);
		patch(this.district.memberA.token(), Map.of("category", "RETIRED")).expectStatus().isForbidden();
		patch(this.district.foreignOrgAdmin.token(), Map.of("category", "RETIRED")).expectStatus().isNotFound();
		patch(this.district.secretaryA.token(), Map.of("category", "MOBILE")).expectStatus().isOk();
	}

	@Test
	void meShowsPartyYearsAndTheNextPoliticalBirthday() {
		this.api.get(this.district.memberA.token(), "/api/v1/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.phone")
			.isEqualTo(this.district.memberA.phone())
			.jsonPath("$.partyYears")
			.isNumber()
			.jsonPath("$.nextPoliticalBirthday")
			.value((String date) -> assertThat(LocalDate.parse(date)).hasMonthValue(7).hasDayOfMonth(1))
			.jsonPath("$.roles[0].role")
			.isEqualTo("MEMBER");
		this.api.get(this.district.sysAdmin.token(), "/api/v1/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.roles[0].role")
			.isEqualTo("SYS_ADMIN")
			.jsonPath("$.partyYears")
			.doesNotExist();
	}

	@Test
	void aMemberRegistersWithACommunityOnly() {
		this.api.post(this.district.memberB.token(), "/api/v1/me/community-registration")
			.bodyValue(Map.of("communityId", this.district.community.toString()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.communityId")
			.isEqualTo(this.district.community.toString());
		member(this.district.secretaryB.token(), this.district.memberB).expectBody()
			.jsonPath("$.communityId")
			.isEqualTo(this.district.community.toString());
		assertProblem(this.api.post(this.district.memberB.token(), "/api/v1/me/community-registration")
			.bodyValue(Map.of("communityId", this.district.branchA.toString()))
			.exchange(), 422, "COMMUNITY_REQUIRED");
		this.api.post(this.district.memberB.token(), "/api/v1/me/community-registration")
			.bodyValue(Map.of("communityId", "01a211f2-0000-7000-8000-000000000000"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	@SuppressWarnings("unchecked")
	void anOrgAdminMakesASecretaryWhoseNextTokenCarriesTheRole() {
		grant(this.district.orgAdmin.token(), this.district.memberB, "SECRETARY", this.district.branchB.toString())
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("SECRETARY");
		String token = this.api.login(this.district.memberB.phone(), TestDistrict.PASSWORD);
		List<Map<String, Object>> roles = (List<Map<String, Object>>) this.api.get(token, "/api/v1/me")
			.exchange()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("roles");
		assertThat(roles).contains(Map.of("role", "SECRETARY", "scope", this.district.branchB.toString()));
		this.api.get(token, "/api/v1/orgs/{id}/members", this.district.branchB).exchange().expectStatus().isOk();
	}

	@Test
	void rolesAreGrantedOnlyWithinTheGrantersSubtree() {
		grant(this.district.secretaryA.token(), this.district.memberA, "SECRETARY", this.district.branchA.toString())
			.expectStatus()
			.isForbidden();
		grant(this.district.foreignOrgAdmin.token(), this.district.memberA, "SECRETARY",
				this.district.branchA.toString())
			.expectStatus()
			.isNotFound();
		grant(this.district.orgAdmin.token(), this.district.memberA, "SYS_ADMIN", null).expectStatus().isForbidden();
		grant(this.district.orgAdmin.token(), this.district.memberA, "MEMBER", this.district.branchA.toString())
			.expectStatus()
			.isEqualTo(422);
		grant(this.district.orgAdmin.token(), this.district.memberA, "ORG_ADMIN", null).expectStatus().isBadRequest();
		grant(this.district.orgAdmin.token(), this.district.memberA, "ORG_ADMIN",
				this.district.otherCommittee.toString())
			.expectStatus()
			.isNotFound();
	}

	private WebTestClient.ResponseSpec register(String token, Map<String, ?> body) {
		return this.api.post(token, "/api/v1/members").bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec member(String token) {
		return member(token, this.district.memberA);
	}

	private WebTestClient.ResponseSpec member(String token, TestDistrict.Person person) {
		return this.api.get(token, "/api/v1/members/{id}", person.id()).exchange();
	}

	private WebTestClient.ResponseSpec patch(String token, Map<String, ?> body) {
		return this.api.client()
			.patch()
			.uri("/api/v1/members/{id}", this.district.memberA.id())
			.headers((headers) -> headers.setBearerAuth(token))
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec grant(String token, TestDistrict.Person person, String role, String scope) {
		Map<String, Object> body = new HashMap<>();
		body.put("role", role);
		body.put("scopeId", scope);
		return this.api.post(token, "/api/v1/members/{id}/roles", person.id()).bodyValue(body).exchange();
	}

	private Map<String, Object> newMember(String phone) {
		Map<String, Object> body = new HashMap<>();
		body.put("branchId", this.district.branchA.toString());
		body.put("name", "王新党员");
		body.put("phone", phone);
		body.put("gender", "MALE");
		body.put("birthDate", "1990-04-12");
		body.put("joinedPartyOn", "2015-06-30");
		body.put("fullMemberOn", "2016-06-30");
		body.put("category", "IN_SERVICE");
		body.put("initialPassword", "Initial#2026");
		return body;
	}

}
