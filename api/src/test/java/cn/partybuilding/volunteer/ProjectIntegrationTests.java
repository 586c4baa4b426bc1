package cn.partybuilding.volunteer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.org.OrgKind;
import cn.partybuilding.org.OrgTree;
import cn.partybuilding.org.OrgType;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestActivities;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;
import cn.partybuilding.test.TestVolunteering;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects: published by the unit's secretary or org admin, read by every member, closed
 * and cancelled as state transitions, listed page by page — nearest first with a
 * position, the caller's own units first otherwise.
 */
@IntegrationTest
class ProjectIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	TestVolunteering volunteering;

	@Test
	@SuppressWarnings("unchecked")
	void aSecretaryPublishesAProjectThatEveryMemberReads() {
		Map<String, Object> body = TestVolunteering.body(this.district.branchA, 60, 180, 12, true);
		Map<String, Object> project = this.volunteering
			.json(this.api.post(this.district.secretaryA.token(), "/api/v1/volunteer/projects")
				.bodyValue(body)
				.exchange(), 201);
		assertThat(project).containsEntry("orgId", this.district.branchA.toString())
			.containsEntry("title", "敬老院助餐服务")
			.containsEntry("category", "助老助残")
			.containsEntry("slots", 12)
			.containsEntry("taken", 0)
			.containsEntry("remaining", 12)
			.containsEntry("status", "OPEN")
			.containsEntry("createdBy", this.district.secretaryA.id().toString());
		assertThat((Map<String, Object>) project.get("location")).containsEntry("radiusMeters", 200)
			.containsEntry("lat", TestActivities.LAT);
		assertThat((String) project.get("startsAt")).endsWith("+08:00");
		for (Person reader : List.of(this.district.memberB, this.district.foreignMember, this.district.sysAdmin)) {
			this.api.get(reader.token(), "/api/v1/volunteer/projects/{id}", project.get("id"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("敬老院助餐服务");
		}
		// The org admin above the branch publishes there too; a project without a
		// location is fine.
		this.api.post(this.district.orgAdmin.token(), "/api/v1/volunteer/projects")
			.bodyValue(TestVolunteering.body(this.district.branchA, 60, 60, 3, false))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.location")
			.doesNotExist();
		this.api.get(this.district.memberA.token(), "/api/v1/volunteer/projects/{id}", Ids.newId())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void onlyTheUnitsSecretaryOrOrgAdminPublishes() {
		Map<String, Object> body = TestVolunteering.body(this.district.branchA, 60, 60, 3, true);
		this.api.post(this.district.memberA.token(), "/api/v1/volunteer/projects")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isForbidden();
		// The neighbouring branch's secretary does not see branch A at all.
		this.api.post(this.district.secretaryB.token(), "/api/v1/volunteer/projects")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.post(this.district.foreignSecretary.token(), "/api/v1/volunteer/projects")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void aProjectIsOneShiftWithPlacesAndASensibleLocation() {
		String token = this.district.secretaryA.token();
		Instant start = Instant.now().plus(Duration.ofHours(1));
		invalid(token, with("endsAt", start.minusSeconds(60).toString()), "endsAt");
		invalid(token, with("endsAt", start.plus(Duration.ofHours(25)).toString()), "endsAt");
		Map<String, Object> past = with("startsAt", Instant.now().minus(Duration.ofHours(3)).toString());
		past.put("endsAt", Instant.now().minus(Duration.ofHours(1)).toString());
		invalid(token, past, "endsAt");
		invalid(token, with("slots", 0), "slots");
		invalid(token, with("title", " "), "title");
		invalid(token, with("location", Map.of("name", "x", "lat", 31.2, "lng", 121.4, "radiusMeters", 0)),
				"location.radiusMeters");
		invalid(token, with("location", Map.of("name", "x", "lat", 91, "lng", 121.4, "radiusMeters", 100)),
				"location.lat");
		this.api.post(token, "/api/v1/volunteer/projects")
			.bodyValue(with("slots", "many"))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void closingAndCancellingAreTransitionsAndIllegalOnesAreRefused() {
		String secretary = this.district.secretaryA.token();
		UUID project = this.volunteering.publish(secretary, this.district.branchA, 60, 60, 3);
		transition(this.district.memberA.token(), project, "close").expectStatus().isForbidden();
		transition(this.district.secretaryB.token(), project, "close").expectStatus().isNotFound();
		transition(this.district.foreignSecretary.token(), project, "close").expectStatus().isNotFound();
		transition(secretary, project, "close").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CLOSED");
		illegal(transition(secretary, project, "close"), "CLOSED", "CLOSE");
		assertProblem(this.api.post(this.district.memberA.token(), "/api/v1/volunteer/projects/{id}/signups", project)
			.exchange(), 422, "PROJECT_NOT_OPEN");
		transition(secretary, project, "cancel").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CANCELLED");
		illegal(transition(secretary, project, "cancel"), "CANCELLED", "CANCEL");
		illegal(transition(secretary, project, "close"), "CANCELLED", "CLOSE");
		transition(secretary, Ids.newId(), "cancel").expectStatus().isNotFound();
	}

	@Test
	void aProjectWhoseEndHasPassedIsFinishedAndTakesNoMoreSignupsOrDecisions() {
		String secretary = this.district.secretaryA.token();
		UUID project = this.volunteering.publish(secretary, this.district.branchA, 60, 60, 3);
		this.volunteering.move(project, Instant.now().minus(Duration.ofHours(3)),
				Instant.now().minus(Duration.ofHours(1)));
		this.api.get(secretary, "/api/v1/volunteer/projects/{id}", project)
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("FINISHED");
		illegal(transition(secretary, project, "close"), "FINISHED", "CLOSE");
		illegal(transition(secretary, project, "cancel"), "FINISHED", "CANCEL");
		assertProblem(this.api.post(this.district.memberA.token(), "/api/v1/volunteer/projects/{id}/signups", project)
			.exchange(), 422, "PROJECT_NOT_OPEN");
	}

	@Test
	void theListIsPagedAndFilteredByUnitAndStatus() {
		UUID branch = unit(this.district.community, "志愿支部", OrgType.BRANCH, OrgKind.GRID);
		String admin = this.district.orgAdmin.token();
		List<UUID> open = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			open.add(this.volunteering.publish(admin, branch, 30 + i, 60, 3));
		}
		UUID closed = this.volunteering.publish(admin, branch, 20, 60, 3);
		transition(admin, closed, "close").expectStatus().isOk();
		UUID finished = this.volunteering.publish(admin, branch, 20, 60, 3);
		this.volunteering.move(finished, Instant.now().minus(Duration.ofHours(2)), Instant.now().minusSeconds(60));
		String reader = this.district.foreignMember.token();
		List<Map<String, Object>> listed = this.volunteering.all(reader, "/api/v1/volunteer/projects?orgId=" + branch,
				2);
		assertThat(listed).extracting((item) -> UUID.fromString((String) item.get("id")))
			.containsExactlyElementsOf(open);
		assertThat(ids(this.volunteering.all(reader, "/api/v1/volunteer/projects?status=CLOSED&orgId=" + branch, 2)))
			.containsExactly(closed);
		assertThat(ids(this.volunteering.all(reader, "/api/v1/volunteer/projects?status=FINISHED&orgId=" + branch, 2)))
			.containsExactly(finished);
		// The subtree: the community's list holds the branch's projects.
		assertThat(
				ids(this.volunteering.all(reader, "/api/v1/volunteer/projects?orgId=" + this.district.community, 100)))
			.containsAll(open);
		this.api.get(reader, "/api/v1/volunteer/projects?status=SOON").exchange().expectStatus().isBadRequest();
		this.api.get(reader, "/api/v1/volunteer/projects?orgId=" + Ids.newId()).exchange().expectStatus().isNotFound();
		this.api.get(reader, "/api/v1/volunteer/projects?limit=0").exchange().expectStatus().isBadRequest();
	}

	@Test
	void withAPositionTheNearestComeFirstAndThoseWithoutALocationLast() {
		UUID branch = unit(this.district.community, "附近支部", OrgType.BRANCH, OrgKind.GRID);
		String admin = this.district.orgAdmin.token();
		UUID far = publishAt(admin, branch, 0.05);
		UUID nowhere = this.volunteering.publish(admin, TestVolunteering.body(branch, 30, 60, 3, false));
		UUID near = publishAt(admin, branch, 0.001);
		UUID middle = publishAt(admin, branch, 0.01);
		String uri = "/api/v1/volunteer/projects?orgId=" + branch + "&near=" + TestActivities.LAT + ","
				+ TestActivities.LNG;
		List<Map<String, Object>> listed = this.volunteering.all(this.district.memberA.token(), uri, 1);
		assertThat(ids(listed)).containsExactly(near, middle, far, nowhere);
		assertThat(listed).extracting((item) -> item.get("distanceMeters")).containsExactly(111, 1112, 5560, null);
		for (String garbage : List.of("31.2", "a,b", "91,0", "31.2,121.4,1", "1e1,2")) {
			this.api.get(this.district.memberA.token(), "/api/v1/volunteer/projects?near=" + garbage)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("near");
		}
		// A cursor of one order is not a position in the other.
		String cursor = (String) this.volunteering
			.json(this.api.get(this.district.memberA.token(), uri + "&limit=1").exchange(), 200)
			.get("nextCursor");
		this.api.get(this.district.memberA.token(), "/api/v1/volunteer/projects?orgId=" + branch + "&cursor=" + cursor)
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void aMemberRegisteredWithACommunitySeesItsProjectsFirst() {
		// committee ── community (COMMUNITY) ── communityBranch
		// └─ general branch ── otherBranch
		UUID committee = unit(null, "双报到区委", OrgType.COMMITTEE, null);
		UUID community = unit(committee, "居住地社区", OrgType.GENERAL_BRANCH, OrgKind.COMMUNITY);
		UUID communityBranch = unit(community, "居住地网格支部", OrgType.BRANCH, OrgKind.GRID);
		UUID general = unit(committee, "机关党总支", OrgType.GENERAL_BRANCH, OrgKind.ORGAN);
		UUID otherBranch = unit(general, "机关支部", OrgType.BRANCH, OrgKind.ORGAN);
		this.context.getBean(cn.partybuilding.account.Accounts.class)
			.grant(this.district.foreignOrgAdmin.id(), cn.partybuilding.security.Role.ORG_ADMIN, committee)
			.block(Duration.ofSeconds(10));
		String admin = this.api.login(this.district.foreignOrgAdmin.phone(), TestDistrict.PASSWORD);
		UUID ofCommittee = this.volunteering.publish(admin, committee, 10, 60, 3);
		UUID ofOtherBranch = this.volunteering.publish(admin, otherBranch, 20, 60, 3);
		UUID ofCommunityBranch = this.volunteering.publish(admin, communityBranch, 90, 60, 3);
		UUID ofCommunity = this.volunteering.publish(admin, community, 120, 60, 3);
		// 双报到: an in-service member of another district registers with the community
		// where they live.
		Person resident = this.district.newMember(this.district.otherBranch, "在职党员");
		this.api.post(resident.token(), "/api/v1/me/community-registration")
			.bodyValue(Map.of("communityId", community.toString()))
			.exchange()
			.expectStatus()
			.isOk();
		String uri = "/api/v1/volunteer/projects?orgId=" + committee;
		List<Map<String, Object>> theirs = this.volunteering.all(resident.token(), uri, 2);
		assertThat(ids(theirs)).containsExactly(ofCommunityBranch, ofCommunity, ofCommittee, ofOtherBranch);
		assertThat(theirs).extracting((item) -> item.get("mine")).containsExactly(true, true, false, false);
		// A member of the other branch: their branch and the units above it come first.
		Person official = this.district.newMember(otherBranch, "机关党员");
		assertThat(ids(this.volunteering.all(official.token(), uri, 3))).containsExactly(ofCommittee, ofOtherBranch,
				ofCommunityBranch, ofCommunity);
	}

	private UUID publishAt(String token, UUID org, double northOfVenue) {
		Map<String, Object> body = TestVolunteering.body(org, 30, 60, 3, false);
		body.put("location", Map.of("name", "服务点", "lat", TestActivities.LAT + northOfVenue, "lng", TestActivities.LNG,
				"radiusMeters", 100));
		return this.volunteering.publish(token, body);
	}

	private UUID unit(UUID parent, String name, OrgType type, OrgKind kind) {
		return this.context.getBean(OrgTree.class).add(Ids.newId(), parent, name, type, kind).block().id();
	}

	private WebTestClient.ResponseSpec transition(String token, UUID project, String action) {
		return this.api.post(token, "/api/v1/volunteer/projects/{id}/" + action, project).exchange();
	}

	private static void illegal(WebTestClient.ResponseSpec response, String state, String action) {
		assertProblem(response, 409, "ILLEGAL_STATE").jsonPath("$.state")
			.isEqualTo(state)
			.jsonPath("$.action")
			.isEqualTo(action);
	}

	private void invalid(String token, Map<String, Object> body, String field) {
		this.api.post(token, "/api/v1/volunteer/projects")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == '" + field + "')]")
			.exists();
	}

	private Map<String, Object> with(String key, Object value) {
		Map<String, Object> body = new HashMap<>(TestVolunteering.body(this.district.branchA, 60, 60, 3, true));
		body.put(key, value);
		return body;
	}

	private static List<UUID> ids(List<Map<String, Object>> items) {
		return items.stream().map((item) -> UUID.fromString((String) item.get("id"))).toList();
	}

}
