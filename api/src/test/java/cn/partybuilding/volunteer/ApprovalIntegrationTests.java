package cn.partybuilding.volunteer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;
import cn.partybuilding.test.TestVolunteering;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Approving hours: the secretary of the project's unit approves the recorded hours or
 * fewer with a reason, never more; the approval brings exactly one points event (per
 * hour, within the yearly cap) and one notification.
 */
@IntegrationTest
class ApprovalIntegrationTests {

	private static final String EVENTS = "SELECT count(*) FROM points_events WHERE event_id = 'volunteer-signup:' || :id";

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	TestVolunteering volunteering;

	@Test
	void anApprovalEarnsPointsPerHourAndTellsTheVolunteerOnce() {
		UUID signup = served(this.district.memberA, Duration.ofMinutes(155));
		Map<String, Object> approved = this.volunteering.json(approve(this.district.secretaryA, signup, Map.of()), 200);
		assertThat(approved).containsEntry("status", "APPROVED")
			.containsEntry("recordedHours", 2.5)
			.containsEntry("approvedHours", 2.5)
			.containsEntry("approvedBy", this.district.secretaryA.id().toString())
			.containsKey("approvedAt")
			.doesNotContainKey("approvalReason");
		illegal(approve(this.district.secretaryA, signup, Map.of()), "APPROVED");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> this.api.get(this.district.memberA.token(), "/api/v1/me/points")
				.exchange()
				.expectBody()
				.jsonPath("$.basic")
				.isEqualTo(2.5));
		assertThat(this.volunteering.count(EVENTS, signup)).isEqualTo(1);
		this.api.get(this.district.memberA.token(), "/api/v1/members/{id}/points/entries", this.district.memberA.id())
			.exchange()
			.expectBody()
			.jsonPath("$.items[0].ruleCode")
			.isEqualTo("VOLUNTEER_SERVICE")
			.jsonPath("$.items[0].sourceId")
			.isEqualTo("volunteer-signup:" + signup);
		this.api.get(this.district.memberA.token(), "/api/v1/me/notifications")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.kind == 'VOLUNTEER_HOURS_APPROVED')].body")
			.value((List<String> bodies) -> assertThat(bodies).singleElement()
				.asString()
				.contains("敬老院助餐服务")
				.contains("2.5"));
	}

	@Test
	void fewerHoursNeedAReasonAndMoreThanRecordedAreRefused() {
		UUID signup = served(this.district.memberA, Duration.ofMinutes(125));
		refused(approve(this.district.secretaryA, signup, Map.of("hours", 3)), 422, "HOURS_ABOVE_RECORDED");
		approve(this.district.secretaryA, signup, Map.of("hours", 1.5)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reason");
		approve(this.district.secretaryA, signup, Map.of("hours", 1.25, "reason", "迟到")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("hours");
		approve(this.district.secretaryA, signup, Map.of("hours", -1, "reason", "迟到")).expectStatus().isBadRequest();
		Map<String, Object> approved = this.volunteering
			.json(approve(this.district.secretaryA, signup, Map.of("hours", 1.5, "reason", "中途离开半小时")), 200);
		assertThat(approved).containsEntry("recordedHours", 2.0)
			.containsEntry("approvedHours", 1.5)
			.containsEntry("approvalReason", "中途离开半小时");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> this.api.get(this.district.memberA.token(), "/api/v1/me/points")
				.exchange()
				.expectBody()
				.jsonPath("$.basic")
				.isEqualTo(1.5));
	}

	@Test
	void onlyACheckedOutSignupIsApprovedByItsUnitsSecretaryAndNeverTheirOwn() {
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, -10, 120, 5);
		UUID signedUp = this.volunteering.signUp(this.district.memberA.token(), project);
		illegal(approve(this.district.secretaryA, signedUp, Map.of()), "SIGNED_UP");
		this.volunteering.checkIn(this.district.memberA.token(), signedUp).expectStatus().isOk();
		illegal(approve(this.district.secretaryA, signedUp, Map.of()), "CHECKED_IN");
		UUID signup = served(this.district.memberA2, Duration.ofMinutes(60));
		approve(this.district.memberA, signup, Map.of()).expectStatus().isForbidden();
		approve(this.district.secretaryB, signup, Map.of()).expectStatus().isNotFound();
		approve(this.district.foreignSecretary, signup, Map.of()).expectStatus().isNotFound();
		UUID own = served(this.district.secretaryA, Duration.ofMinutes(60));
		assertProblem(approve(this.district.secretaryA, own, Map.of()), 403, "SELF_DECISION");
		// The org admin above the branch approves the secretary's own hours.
		approve(this.district.orgAdmin, own, Map.of()).expectStatus().isOk();
		approve(this.district.secretaryA, cn.partybuilding.system.Ids.newId(), Map.of()).expectStatus().isNotFound();
	}

	@Test
	void zeroHoursAreApprovedWithoutPointsButTheVolunteerHears() {
		UUID signup = served(this.district.memberA, Duration.ofMinutes(20));
		this.api.post(this.district.secretaryA.token(), "/api/v1/volunteer/signups/{id}/approve", signup)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.approvedHours")
			.isEqualTo(0.0);
		assertThat(this.volunteering.count(EVENTS, signup)).isZero();
		this.api.get(this.district.memberA.token(), "/api/v1/me/notifications")
			.exchange()
			.expectBody()
			.jsonPath("$.items[?(@.kind == 'VOLUNTEER_HOURS_APPROVED')]")
			.value((List<Object> items) -> assertThat(items).hasSize(1));
	}

	@Test
	void volunteerPointsStopAtTheYearlyCap() {
		UUID first = servedOnLongProject(this.district.memberB, Duration.ofHours(12).plusMinutes(5));
		UUID second = servedOnLongProject(this.district.memberB, Duration.ofHours(12).plusMinutes(5));
		for (UUID signup : List.of(first, second)) {
			approve(this.district.secretaryB, signup, Map.of()).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.approvedHours")
				.isEqualTo(12.0);
		}
		// 24 approved hours at a point an hour, capped at 20 a year by the default rule
		// book.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> this.api.get(this.district.memberB.token(), "/api/v1/me/points")
				.exchange()
				.expectBody()
				.jsonPath("$.basic")
				.isEqualTo(20.0));
		this.api.get(this.district.memberB.token(), "/api/v1/me/volunteer")
			.exchange()
			.expectBody()
			.jsonPath("$.approvedHours")
			.isEqualTo(24.0);
	}

	/**
	 * Signed up for a project of the member's branch that began a while ago, checked in
	 * {@code worked} ago, out.
	 */
	private UUID served(Person member, Duration worked) {
		UUID project = this.volunteering.publish(secretaryOf(member).token(), branchOf(member), -180, 360, 5);
		UUID signup = this.volunteering.signUp(member.token(), project);
		this.volunteering.served(member.token(), signup, worked);
		return signup;
	}

	private UUID servedOnLongProject(Person member, Duration worked) {
		UUID project = this.volunteering.publish(secretaryOf(member).token(), branchOf(member), -13 * 60, 24 * 60, 5);
		UUID signup = this.volunteering.signUp(member.token(), project);
		this.volunteering.served(member.token(), signup, worked);
		return signup;
	}

	private Person secretaryOf(Person member) {
		return (member == this.district.memberB) ? this.district.secretaryB : this.district.secretaryA;
	}

	private UUID branchOf(Person member) {
		return (member == this.district.memberB) ? this.district.branchB : this.district.branchA;
	}

	private WebTestClient.ResponseSpec approve(Person secretary, UUID signup, Map<String, Object> body) {
		return this.volunteering.approve(secretary.token(), signup, body);
	}

	private static void illegal(WebTestClient.ResponseSpec response, String state) {
		assertProblem(response, 409, "ILLEGAL_STATE").jsonPath("$.state").isEqualTo(state);
	}

	private static void refused(WebTestClient.ResponseSpec response, int status, String code) {
		assertProblem(response, status, code);
	}

}
