package cn.partybuilding.member;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.BaseFixtures;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;

import static org.assertj.core.api.Assertions.assertThat;

/** BASE_ADMIN is granted on a base, by an org admin over the unit that administers it. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaseAdminGrantIntegrationTests {

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	BaseFixtures bases;

	String baseId;

	@BeforeAll
	void setUp() {
		this.baseId = (String) this.bases.createBase().get("id");
	}

	@Test
	@SuppressWarnings("unchecked")
	void anOrgAdminOverTheBaseMakesAMemberItsAdminAndTheTokenSaysSo() {
		Person member = this.district.newMember(this.district.branchB, "新基地管理员");
		grant(this.district.orgAdmin, member, this.baseId).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("BASE_ADMIN")
			.jsonPath("$.scopeId")
			.isEqualTo(this.baseId);
		String token = this.api.login(member.phone(), TestDistrict.PASSWORD);
		List<Map<String, Object>> roles = (List<Map<String, Object>>) this.api.get(token, "/api/v1/me")
			.exchange()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("roles");
		assertThat(roles).contains(Map.of("role", "BASE_ADMIN", "scope", this.baseId));
		grant(this.district.sysAdmin, this.district.newMember(this.district.otherBranch, "邻区基地管理员"), this.baseId)
			.expectStatus()
			.isCreated();
	}

	@Test
	void nobodyElseGrantsIt() {
		Person member = this.district.newMember(this.district.branchA, "候选人");
		grant(this.district.secretaryA, member, this.baseId).expectStatus().isNotFound();
		grant(this.district.memberA2, member, this.baseId).expectStatus().isNotFound();
		grant(this.district.foreignOrgAdmin, member, this.baseId).expectStatus().isNotFound();
		// The org admin of the other committee sees their member, but not the base's
		// administering unit.
		Person foreign = this.district.newMember(this.district.otherBranch, "邻区候选人");
		grant(this.district.foreignOrgAdmin, foreign, this.baseId).expectStatus().isNotFound();
	}

	@Test
	void anUnknownBaseIs404AndAMissingOne400() {
		Person member = this.district.newMember(this.district.branchA, "候选人");
		grant(this.district.orgAdmin, member, UUID.randomUUID().toString()).expectStatus().isNotFound();
		grant(this.district.orgAdmin, member, this.district.branchA.toString()).expectStatus().isNotFound();
		this.api.post(this.district.orgAdmin.token(), "/api/v1/members/{id}/roles", member.id())
			.bodyValue(Map.of("role", "BASE_ADMIN"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("scopeId");
	}

	private WebTestClient.ResponseSpec grant(Person granter, Person member, String baseId) {
		return this.api.post(granter.token(), "/api/v1/members/{id}/roles", member.id())
			.bodyValue(Map.of("role", "BASE_ADMIN", "scopeId", baseId))
			.exchange();
	}

}
