package cn.partybuilding.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.org.OrgTree;
import cn.partybuilding.org.OrgType;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 设岗定责: posts set up by a unit's secretary, held by members of its subtree, shown on the
 * holder's {@code /me}.
 */
@IntegrationTest
class DutyPostIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Test
	void aSecretarySetsUpAPostAndGivesItToAMemberWhoSeesItOnTheirProfile() {
		Map<String, Object> post = json(
				create(this.district.secretaryA, this.district.branchA, "政策宣传岗", "每月向楼栋居民宣传一项惠民政策"), 201);
		assertThat(post).containsEntry("orgId", this.district.branchA.toString())
			.containsEntry("name", "政策宣传岗")
			.containsEntry("duties", "每月向楼栋居民宣传一项惠民政策")
			.containsEntry("createdBy", this.district.secretaryA.id().toString())
			.containsEntry("holders", List.of());
		UUID id = UUID.fromString((String) post.get("id"));
		Map<String, Object> assigned = json(assign(this.district.secretaryA, id, this.district.memberA.id()), 201);
		assertThat(assigned).containsEntry("postId", id.toString())
			.containsEntry("memberId", this.district.memberA.id().toString())
			.containsEntry("memberName", "甲党员")
			.containsEntry("assignedBy", this.district.secretaryA.id().toString());
		assertThat(json(assign(this.district.secretaryA, id, this.district.memberA.id()), 200)).isEqualTo(assigned);
		this.api.get(this.district.memberA.token(), "/api/v1/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.posts[0].id")
			.isEqualTo(id.toString())
			.jsonPath("$.posts[0].name")
			.isEqualTo("政策宣传岗")
			.jsonPath("$.posts[0].duties")
			.isEqualTo("每月向楼栋居民宣传一项惠民政策")
			.jsonPath("$.posts[0].orgId")
			.isEqualTo(this.district.branchA.toString());
		this.api.get(this.district.memberA2.token(), "/api/v1/me")
			.exchange()
			.expectBody()
			.jsonPath("$.posts")
			.isEmpty();
		this.api.get(this.district.sysAdmin.token(), "/api/v1/me")
			.exchange()
			.expectBody()
			.jsonPath("$.posts")
			.isEmpty();
	}

	@Test
	void onlyMembersOfTheUnitsSubtreeHoldItsPosts() {
		UUID ofBranchA = id(create(this.district.secretaryA, this.district.branchA, "环境卫生监督岗", "巡查环境卫生"));
		for (UUID outsider : List.of(this.district.memberB.id(), this.district.foreignMember.id(), Ids.newId())) {
			assertProblem(assign(this.district.secretaryA, ofBranchA, outsider), 422, "NOT_IN_SUBTREE");
		}
		// A community's post goes to members of any of its branches.
		UUID ofCommunity = id(create(this.district.orgAdmin, this.district.community, "邻里互助岗", "走访独居老人"));
		assign(this.district.orgAdmin, ofCommunity, this.district.memberB.id()).expectStatus().isCreated();
		assign(this.district.orgAdmin, ofCommunity, this.district.memberA.id()).expectStatus().isCreated();
		// A group's post goes to members of its branch (members belong to branches, not
		// groups).
		UUID group = this.context.getBean(OrgTree.class)
			.add(Ids.newId(), this.district.branchA, "一号楼党小组", OrgType.GROUP, null)
			.block()
			.id();
		UUID ofGroup = id(create(this.district.secretaryA, group, "楼道联络岗", "张贴通知、联络居民"));
		assign(this.district.secretaryA, ofGroup, this.district.memberA2.id()).expectStatus().isCreated();
	}

	@Test
	void onlyTheUnitsSecretaryOrOrgAdminSetsUpAndAssigns() {
		create(this.district.memberA, this.district.branchA, "x", "y").expectStatus().isForbidden();
		create(this.district.secretaryB, this.district.branchA, "x", "y").expectStatus().isNotFound();
		create(this.district.foreignOrgAdmin, this.district.branchA, "x", "y").expectStatus().isNotFound();
		create(this.district.secretaryA, this.district.branchA, " ", "y").expectStatus().isBadRequest();
		create(this.district.secretaryA, this.district.branchA, "x", "").expectStatus().isBadRequest();
		create(this.district.secretaryA, Ids.newId(), "x", "y").expectStatus().isNotFound();
		UUID post = id(create(this.district.secretaryA, this.district.branchA, "文明劝导岗", "劝导不文明行为"));
		assign(this.district.memberA, post, this.district.memberA.id()).expectStatus().isForbidden();
		assign(this.district.secretaryB, post, this.district.memberA.id()).expectStatus().isNotFound();
		assign(this.district.secretaryA, Ids.newId(), this.district.memberA.id()).expectStatus().isNotFound();
		this.api.post(this.district.secretaryA.token(), "/api/v1/posts/{id}/assign", post)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theUnitsPostsAreListedPageByPageWithTheirHolders() {
		for (String name : List.of("一岗", "二岗", "三岗")) {
			create(this.district.secretaryA, this.district.branchA, name, "职责").expectStatus().isCreated();
		}
		Map<String, Object> first = json(
				this.api.get(this.district.memberA.token(), "/api/v1/orgs/{id}/posts?limit=2", this.district.branchA)
					.exchange(),
				200);
		List<Map<String, Object>> items = (List<Map<String, Object>>) first.get("items");
		assertThat(items).extracting((item) -> item.get("name")).containsExactly("一岗", "二岗");
		UUID firstPost = UUID.fromString((String) items.get(0).get("id"));
		assign(this.district.secretaryA, firstPost, this.district.memberA2.id()).expectStatus().isCreated();
		Map<String, Object> second = json(
				this.api
					.get(this.district.memberA.token(),
							"/api/v1/orgs/" + this.district.branchA + "/posts?limit=2&cursor="
									+ first.get("nextCursor"))
					.exchange(),
				200);
		assertThat((List<Map<String, Object>>) second.get("items")).extracting((item) -> item.get("name"))
			.containsExactly("三岗");
		assertThat(second.get("nextCursor")).isNull();
		this.api.get(this.district.memberA.token(), "/api/v1/orgs/{id}/posts", this.district.branchA)
			.exchange()
			.expectBody()
			.jsonPath("$.items[0].holders[0].memberName")
			.isEqualTo("甲二党员");
		this.api.get(this.district.foreignMember.token(), "/api/v1/orgs/{id}/posts", this.district.branchA)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private WebTestClient.ResponseSpec create(Person person, UUID org, String name, String duties) {
		return this.api.post(person.token(), "/api/v1/orgs/{id}/posts", org)
			.bodyValue(Map.of("name", name, "duties", duties))
			.exchange();
	}

	private WebTestClient.ResponseSpec assign(Person person, UUID post, UUID member) {
		return this.api.post(person.token(), "/api/v1/posts/{id}/assign", post)
			.bodyValue(Map.of("memberId", member.toString()))
			.exchange();
	}

	private UUID id(WebTestClient.ResponseSpec response) {
		return UUID.fromString((String) json(response, 201).get("id"));
	}

	private Map<String, Object> json(WebTestClient.ResponseSpec response, int status) {
		return response.expectStatus().isEqualTo(status).expectBody(Api.JSON).returnResult().getResponseBody();
	}

}
