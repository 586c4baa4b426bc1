package cn.partybuilding.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.BaseFixtures;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestActivities;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;

/**
 * Nobody decides their own case, whatever roles they hold: a secretary's own leave, their
 * own manual check-in, the booking they made as the branch's secretary while also the
 * base's admin, a proposal they made before they became secretary, minutes they signed
 * and would review from above, their own honor hours and points. Each is 403
 * SELF_DECISION; someone else with the role decides.
 */
@IntegrationTest
class SelfDecisionIntegrationTests {

	@Autowired
	TestDistrict district;

	@Autowired
	Api api;

	@Autowired
	TestActivities activities;

	@Autowired
	BaseFixtures bases;

	@Test
	void aSecretaryDoesNotApproveTheirOwnLeave() {
		Person secretary = this.district.secretaryA;
		UUID activity = this.activities.plan(secretary.token(), this.district.branchA, 90);
		String leave = (String) this.api.post(secretary.token(), "/api/v1/activities/{id}/leave-requests", activity)
			.bodyValue(Map.of("reason", "出差"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		selfDecision(this.api.post(secretary.token(), "/api/v1/leave-requests/{id}/approve", leave).exchange());
		selfDecision(this.api.post(secretary.token(), "/api/v1/leave-requests/{id}/reject", leave)
			.bodyValue(Map.of("reason", "不批"))
			.exchange());
		this.api.post(this.district.orgAdmin.token(), "/api/v1/leave-requests/{id}/approve", leave)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aSecretaryDoesNotRecordTheirOwnManualCheckIn() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10);
		Map<String, Object> own = Map.of("memberId", this.district.secretaryA.id().toString(), "reason", "手机没电");
		selfDecision(
				this.api.post(this.district.secretaryA.token(), "/api/v1/activities/{id}/checkins:manual", activity)
					.bodyValue(own)
					.exchange());
		this.api.post(this.district.orgAdmin.token(), "/api/v1/activities/{id}/checkins:manual", activity)
			.bodyValue(own)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void aBaseAdminDoesNotDecideOnTheBookingTheyMadeAsTheBranchsSecretary() {
		String base = (String) this.bases.createBase().get("id");
		Person secretary = withRole(this.district.secretaryA, Role.BASE_ADMIN, base);
		Map<String, Object> booking = this.bases.booked(secretary.token(),
				this.bases.booking(base, BaseFixtures.at(3, "09:00"), 5));
		selfDecision(this.bases.act(secretary.token(), booking.get("id"), "approve", Map.of()));
		selfDecision(this.bases.act(secretary.token(), booking.get("id"), "reject", Map.of("reason", "已满")));
		// Another admin of the base decides; the booking secretary may still cancel their
		// own booking.
		Person otherAdmin = this.bases.baseAdmin(base);
		this.bases.act(otherAdmin.token(), booking.get("id"), "approve", Map.of()).expectStatus().isOk();
		this.bases.act(secretary.token(), booking.get("id"), "cancel", Map.of()).expectStatus().isOk();
	}

	@Test
	void aBookingTheBaseAdminEnteredForACallingBranchIsTheBranchsNotTheirs() {
		String base = (String) this.bases.createBase().get("id");
		Person admin = this.bases.baseAdmin(base);
		Map<String, Object> body = new java.util.HashMap<>(this.bases.booking(base, BaseFixtures.at(3, "10:00"), 4));
		body.put("channel", "HOTLINE");
		Map<String, Object> booking = this.bases.booked(admin.token(), body);
		this.bases.act(admin.token(), booking.get("id"), "approve", Map.of()).expectStatus().isOk();
	}

	@Test
	void nobodyDecidesOnTheirOwnProposal() {
		Person member = this.district.newMember(this.district.branchA, "提议者");
		UUID proposal = this.activities.plan(member.token(), this.district.branchA, 600, List.of("QR"), "THEME_DAY");
		Person promoted = withRole(member, Role.SECRETARY, this.district.branchA);
		selfDecision(this.api.post(promoted.token(), "/api/v1/activities/{id}/approve", proposal).exchange());
		selfDecision(this.api.post(promoted.token(), "/api/v1/activities/{id}/reject", proposal)
			.bodyValue(Map.of("reason", "x"))
			.exchange());
		this.api.post(this.district.secretaryA.token(), "/api/v1/activities/{id}/approve", proposal)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void theSignerOfMinutesNeverReviewsThem() {
		// Secretary of branch A and org admin of the community above it: signs as the
		// one, may not review as the other.
		Person both = withRole(
				this.district.newPerson(this.district.branchA, "兼职书记", Role.SECRETARY, this.district.branchA),
				Role.ORG_ADMIN, this.district.community);
		UUID activity = this.activities.plan(both.token(), this.district.branchA, 10);
		this.api.client()
			.put()
			.uri("/api/v1/activities/{id}/minutes", activity)
			.headers((headers) -> headers.setBearerAuth(both.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("recorderId", this.district.memberA.id().toString(), "content", "会议记录"))
			.exchange()
			.expectStatus()
			.isOk();
		this.api.post(both.token(), "/api/v1/activities/{id}/minutes/sign", activity).exchange().expectStatus().isOk();
		selfDecision(this.api.post(both.token(), "/api/v1/activities/{id}/minutes/sign", activity).exchange());
		this.api.post(this.district.orgAdmin.token(), "/api/v1/activities/{id}/minutes/sign", activity)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.reviewedBy")
			.isEqualTo(this.district.orgAdmin.id().toString());
	}

	@Test
	void nobodyGrantsThemselvesHonorHoursOrPoints() {
		Person secretary = this.district.secretaryA;
		selfDecision(this.api.post(secretary.token(), "/api/v1/volunteer/honor-hours")
			.bodyValue(Map.of("memberId", secretary.id().toString(), "hours", 2, "reason", "表彰"))
			.exchange());
		selfDecision(this.api.post(secretary.token(), "/api/v1/points/adjustments")
			.bodyValue(Map.of("memberId", secretary.id().toString(), "points", 10, "reason", "自评"))
			.exchange());
		selfDecision(
				this.api.post(this.district.orgAdmin.token(), "/api/v1/members/{id}/roles", this.district.orgAdmin.id())
					.bodyValue(Map.of("role", "SECRETARY", "scopeId", this.district.branchA.toString()))
					.exchange());
		this.api.post(this.district.orgAdmin.token(), "/api/v1/points/adjustments")
			.bodyValue(Map.of("memberId", secretary.id().toString(), "points", 1, "reason", "表现突出"))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	/**
	 * The person with one more role granted by the district's org admin, logged in again
	 * to carry it.
	 */
	private Person withRole(Person person, Role role, Object scope) {
		this.api.post(this.district.orgAdmin.token(), "/api/v1/members/{id}/roles", person.id())
			.bodyValue(Map.of("role", role.name(), "scopeId", scope.toString()))
			.exchange()
			.expectStatus()
			.isCreated();
		return new Person(person.id(), person.phone(), this.api.login(person.phone(), TestDistrict.PASSWORD));
	}

	private static void selfDecision(WebTestClient.ResponseSpec response) {
		assertProblem(response, 403, "SELF_DECISION");
	}

}
