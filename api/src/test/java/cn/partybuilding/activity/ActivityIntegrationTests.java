package cn.partybuilding.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestActivities;
import cn.partybuilding.test.TestDistrict;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Planning, proposing, approving, rejecting, cancelling and listing activities. */
@IntegrationTest
class ActivityIntegrationTests {

	@Autowired
	Clock clock;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	TestActivities activities;

	@Test
	void aSecretarysActivityIsApprovedAndAMembersIsAProposal() {
		create(this.district.secretaryA.token(),
				TestActivities.body(this.district.branchA, 60, List.of("QR"), "THEME_DAY"))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("APPROVED")
			.jsonPath("$.checkInOpensAt")
			.exists();
		create(this.district.memberA.token(),
				TestActivities.body(this.district.branchA, 60, List.of("QR"), "PARTY_LECTURE"))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PENDING_APPROVAL");
	}

	@Test
	void aProposalIsApprovedOrRejectedOnceAndIllegalMovesAre409() {
		UUID proposal = this.activities.plan(this.district.memberA.token(), this.district.branchA, 60);
		decide(this.district.memberA.token(), proposal, "approve", null).expectStatus().isForbidden();
		decide(this.district.foreignSecretary.token(), proposal, "approve", null).expectStatus().isNotFound();
		decide(this.district.secretaryA.token(), proposal, "approve", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("APPROVED");
		assertProblem(decide(this.district.secretaryA.token(), proposal, "approve", null), 409, "ILLEGAL_STATE");
		decide(this.district.secretaryA.token(), proposal, "reject", Map.of("reason", "重复")).expectStatus()
			.isEqualTo(409);
		decide(this.district.secretaryA.token(), proposal, "cancel", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CANCELLED");
		decide(this.district.secretaryA.token(), proposal, "cancel", null).expectStatus().isEqualTo(409);
		UUID other = this.activities.plan(this.district.memberA.token(), this.district.branchA, 60);
		decide(this.district.secretaryA.token(), other, "reject", Map.of()).expectStatus().isBadRequest();
		decide(this.district.secretaryA.token(), other, "reject", Map.of("reason", "时间冲突")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REJECTED");
	}

	@Test
	void approvalInvitesTheMembersAndTheMorningJobRemindsThemOnce() {
		UUID proposal = this.activities.plan(this.district.memberB.token(), this.district.branchB, 30);
		decide(this.district.secretaryB.token(), proposal, "approve", null).expectStatus().isOk();
		inbox(this.district.memberB.token(), "ACTIVITY_INVITATION", 1);
		inbox(this.district.secretaryB.token(), "ACTIVITY_INVITATION", 1);
		String admin = this.district.sysAdmin.token();
		// The business day the activity starts on, which is not the machine's date for
		// eight hours of every day.
		String startsAt = (String) this.api.getJson(admin, "/api/v1/activities/{id}", proposal).get("startsAt");
		LocalDate day = LocalDate.ofInstant(Instant.parse(startsAt), this.clock.getZone());
		for (int i = 0; i < 2; i++) {
			this.api.post(admin, "/api/v1/admin/jobs/activity-reminders/runs")
				.bodyValue(Map.of("date", day.toString()))
				.exchange()
				.expectStatus()
				.isAccepted();
		}
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.untilAsserted(() -> inbox(this.district.memberB.token(), "ACTIVITY_REMINDER", 1));
	}

	private void inbox(String token, String kind, int count) {
		this.api.get(token, "/api/v1/me/notifications?limit=100")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.kind == '" + kind + "')]")
			.value((List<Object> items) -> assertThat(items).hasSize(count));
	}

	@Test
	void anEndBeforeTheStartABadRadiusOrAnUnknownTypeIsA400() {
		Map<String, Object> body = TestActivities.body(this.district.branchA, 60, List.of("QR"), "THEME_DAY");
		body.put("endsAt", body.get("startsAt"));
		create(this.district.secretaryA.token(), body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("endsAt");
		body = TestActivities.body(this.district.branchA, 60, List.of("GEO"), "THEME_DAY");
		body.put("venue", Map.of("name", "远处", "lat", 31.0, "lng", 121.0, "radiusMeters", 0));
		create(this.district.secretaryA.token(), body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("venue.radiusMeters");
		body.put("venue", Map.of("name", "远处", "lat", 31.0, "lng", 121.0, "radiusMeters", 5001));
		create(this.district.secretaryA.token(), body).expectStatus().isBadRequest();
		create(this.district.secretaryA.token(),
				TestActivities.body(this.district.branchA, 60, List.of("QR"), "PICNIC"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("type");
	}

	@Test
	void nobodyPlansForAnotherSubtree() {
		create(this.district.foreignSecretary.token(),
				TestActivities.body(this.district.branchA, 60, List.of("QR"), "THEME_DAY"))
			.expectStatus()
			.isNotFound();
		create(this.district.memberA.token(),
				TestActivities.body(this.district.branchB, 60, List.of("QR"), "THEME_DAY"))
			.expectStatus()
			.isNotFound();
	}

	@Test
	@SuppressWarnings("unchecked")
	void activitiesOfAUnitAreListedByTimeAndType() {
		UUID lecture = this.activities.plan(this.district.secretaryB.token(), this.district.branchB, 60, List.of("QR"),
				"PARTY_LECTURE");
		UUID day = this.activities.plan(this.district.secretaryB.token(), this.district.branchB, 120, List.of("QR"),
				"THEME_DAY");
		List<Map<String, Object>> all = (List<Map<String, Object>>) this.api
			.getJson(this.district.secretaryB.token(), "/api/v1/orgs/{id}/activities?limit=1", this.district.branchB)
			.get("items");
		assertThat(all).extracting((item) -> item.get("id")).containsExactly(lecture.toString());
		this.api
			.get(this.district.memberB.token(), "/api/v1/orgs/{id}/activities?type=THEME_DAY", this.district.branchB)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(1)
			.jsonPath("$.items[0].id")
			.isEqualTo(day.toString());
		this.api
			.get(this.district.memberB.token(), "/api/v1/orgs/{id}/activities?from=2026-13-01", this.district.branchB)
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.api.get(this.district.foreignOrgAdmin.token(), "/api/v1/orgs/{id}/activities", this.district.branchB)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private WebTestClient.ResponseSpec create(String token, Map<String, Object> body) {
		return this.api.post(token, "/api/v1/activities").bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec decide(String token, UUID activity, String action, Map<String, ?> body) {
		var request = this.api.post(token, "/api/v1/activities/{id}/" + action, activity);
		return ((body != null) ? request.bodyValue(body) : request).exchange();
	}

}
