package cn.partybuilding.org;

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

/**
 * The org tree: creating under a parent one administers, reading within scope, children
 * page by page.
 */
@IntegrationTest
class OrgIntegrationTests {

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Test
	@SuppressWarnings("unchecked")
	void anOrgAdminCreatesAUnitUnderTheirSubtreeAndItKnowsItsAncestors() {
		Map<String, Object> group = create(this.district.orgAdmin.token(), this.district.branchA.toString(), "第一党小组",
				"GROUP", "BUILDING")
			.expectStatus()
			.isCreated()
			.expectHeader()
			.exists("Location")
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(group).containsEntry("type", "GROUP")
			.containsEntry("kind", "BUILDING")
			.containsEntry("parentId", this.district.branchA.toString())
			.containsEntry("memberCount", 0);
		assertThat((List<String>) group.get("path")).containsExactly(this.district.committee.toString(),
				this.district.community.toString(), this.district.branchA.toString());
	}

	@Test
	void everyTypeAndKindOfApiMdIsAccepted() {
		for (OrgKind kind : OrgKind.values()) {
			create(this.district.orgAdmin.token(), this.district.committee.toString(), "支部-" + kind, "BRANCH",
					kind.name())
				.expectStatus()
				.isCreated();
		}
		create(this.district.orgAdmin.token(), this.district.committee.toString(), "党总支", "GENERAL_BRANCH", null)
			.expectStatus()
			.isCreated();
	}

	@Test
	void anImpossibleNestingIsA422WithAClearCode() {
		assertProblem(create(this.district.orgAdmin.token(), this.district.branchA.toString(), "区委", "COMMITTEE", null),
				422, "ORG_NESTING_INVALID");
	}

	@Test
	void aMissingOrOutOfScopeParentIsA404() {
		create(this.district.orgAdmin.token(), "01a211f2-0000-7000-8000-000000000000", "x", "BRANCH", null)
			.expectStatus()
			.isNotFound();
		create(this.district.foreignOrgAdmin.token(), this.district.community.toString(), "x", "BRANCH", null)
			.expectStatus()
			.isNotFound();
	}

	@Test
	void aSecretaryOrMemberCannotCreateUnits() {
		create(this.district.secretaryA.token(), this.district.branchA.toString(), "小组", "GROUP", null).expectStatus()
			.isForbidden();
		create(this.district.memberA.token(), this.district.branchA.toString(), "小组", "GROUP", null).expectStatus()
			.isForbidden();
	}

	@Test
	void onlyTheSystemAdministratorCreatesATopLevelCommittee() {
		create(this.district.orgAdmin.token(), null, "新区委", "COMMITTEE", null).expectStatus().isForbidden();
		create(this.district.sysAdmin.token(), null, "新区委", "COMMITTEE", null).expectStatus().isCreated();
		create(this.district.sysAdmin.token(), null, "顶层支部", "BRANCH", null).expectStatus().isEqualTo(422);
	}

	@Test
	void aUnitShowsItsSubtreesActiveMembers() {
		this.api.get(this.district.orgAdmin.token(), "/api/v1/orgs/{id}", this.district.community)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.memberCount")
			.isEqualTo(6)
			.jsonPath("$.path[0]")
			.isEqualTo(this.district.committee.toString());
		this.api.get(this.district.memberA.token(), "/api/v1/orgs/{id}", this.district.branchA)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.memberCount")
			.isEqualTo(4);
	}

	@Test
	void aUnitOutsideTheCallersScopeIsNotFound() {
		this.api.get(this.district.memberA.token(), "/api/v1/orgs/{id}", this.district.branchB)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.get(this.district.foreignOrgAdmin.token(), "/api/v1/orgs/{id}", this.district.committee)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.get(this.district.foreignOrgAdmin.token(), "/api/v1/orgs/{id}/children", this.district.committee)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	@SuppressWarnings("unchecked")
	void childrenArePaged() {
		Map<String, Object> first = this.api.getJson(this.district.orgAdmin.token(),
				"/api/v1/orgs/{id}/children?limit=1", this.district.community);
		List<Map<String, Object>> items = (List<Map<String, Object>>) first.get("items");
		assertThat(items).singleElement()
			.satisfies((child) -> assertThat(child).containsEntry("id", this.district.branchA.toString())
				.containsEntry("memberCount", 4));
		this.api
			.get(this.district.orgAdmin.token(), "/api/v1/orgs/{id}/children?limit=1&cursor={c}",
					this.district.community, first.get("nextCursor"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo(this.district.branchB.toString())
			.jsonPath("$.nextCursor")
			.doesNotExist();
	}

	private WebTestClient.ResponseSpec create(String token, String parentId, String name, String type, String kind) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("parentId", parentId);
		body.put("name", name);
		body.put("type", type);
		body.put("kind", kind);
		return this.api.post(token, "/api/v1/orgs").bodyValue(body).exchange();
	}

}
