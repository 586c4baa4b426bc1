package cn.partybuilding.volunteer;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestVolunteering;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Honor hours granted by hand, kept apart, and the member's own year of volunteering
 * ({@code /me/volunteer}).
 */
@IntegrationTest
class MyVolunteeringIntegrationTests {

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	TestVolunteering volunteering;

	@Test
	void aSecretaryGrantsHonorHoursWithAReasonAndTheyStayApartWithoutPoints() {
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, 60, 60, 3);
		Map<String, Object> granted = this.volunteering.json(
				grant(this.district.secretaryA.token(), body(this.district.memberA.id(), project, 3.5, "防汛值守，现场未能签到")),
				201);
		assertThat(granted).containsEntry("memberId", this.district.memberA.id().toString())
			.containsEntry("projectId", project.toString())
			.containsEntry("hours", 3.5)
			.containsEntry("reason", "防汛值守，现场未能签到")
			.containsEntry("grantedBy", this.district.secretaryA.id().toString());
		grant(this.district.orgAdmin.token(), body(this.district.memberA.id(), null, 1, "社区表彰")).expectStatus()
			.isCreated();
		Map<String, Object> mine = this.volunteering
			.json(this.api.get(this.district.memberA.token(), "/api/v1/me/volunteer").exchange(), 200);
		assertThat(mine).containsEntry("year", LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear())
			.containsEntry("honorHours", 4.5)
			.containsEntry("approvedHours", 0);
		assertThat(this.volunteering.all(this.district.memberA.token(), "/api/v1/me/volunteer/honor-hours", 1))
			.extracting((item) -> item.get("reason"))
			.containsExactly("社区表彰", "防汛值守，现场未能签到");
		assertThat(this.volunteering.count("SELECT count(*) FROM points_events WHERE member_id = :id",
				this.district.memberA.id()))
			.isZero();
	}

	@Test
	void honorHoursAreHalfHoursGrantedByTheMembersSecretaryToSomeoneElse() {
		String secretary = this.district.secretaryA.token();
		UUID member = this.district.memberA.id();
		grant(secretary, body(member, null, 0, "x")).expectStatus().isBadRequest();
		grant(secretary, body(member, null, 1.25, "x")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("hours");
		grant(secretary, body(member, null, 1, " ")).expectStatus().isBadRequest();
		grant(secretary, body(member, Ids.newId(), 1, "x")).expectStatus().isNotFound();
		grant(secretary, body(Ids.newId(), null, 1, "x")).expectStatus().isNotFound();
		grant(secretary, body(this.district.secretaryA.id(), null, 1, "x")).expectStatus().isForbidden();
		grant(this.district.memberA2.token(), body(member, null, 1, "x")).expectStatus().isForbidden();
		grant(this.district.secretaryB.token(), body(member, null, 1, "x")).expectStatus().isNotFound();
		grant(this.district.foreignOrgAdmin.token(), body(member, null, 1, "x")).expectStatus().isNotFound();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aMemberSeesTheYearsSignupsNewestFirstWithTheirHours() {
		String token = this.district.memberA2.token();
		UUID earlier = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, -180, 360, 3);
		UUID later = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, 60, 60, 3);
		UUID served = this.volunteering.signUp(token, earlier);
		this.volunteering.served(token, served, Duration.ofMinutes(95));
		this.volunteering.approve(this.district.secretaryA.token(), served, Map.of()).expectStatus().isOk();
		this.volunteering.signUp(token, later);
		Map<String, Object> first = this.volunteering
			.json(this.api.get(token, "/api/v1/me/volunteer?limit=1").exchange(), 200);
		assertThat(first).containsEntry("approvedHours", 1.5).containsEntry("honorHours", 0);
		Map<String, Object> signups = (Map<String, Object>) first.get("signups");
		List<Map<String, Object>> items = (List<Map<String, Object>>) signups.get("items");
		assertThat(items).singleElement()
			.satisfies((item) -> assertThat(item).containsEntry("projectId", later.toString())
				.containsEntry("projectTitle", "敬老院助餐服务")
				.containsEntry("status", "SIGNED_UP")
				.containsKeys("projectStartsAt", "projectEndsAt", "signedUpAt"));
		Map<String, Object> second = this.volunteering.json(
				this.api.get(token, "/api/v1/me/volunteer?limit=1&cursor=" + signups.get("nextCursor")).exchange(),
				200);
		assertThat((List<Map<String, Object>>) ((Map<String, Object>) second.get("signups")).get("items"))
			.singleElement()
			.satisfies((item) -> assertThat(item).containsEntry("projectId", earlier.toString())
				.containsEntry("status", "APPROVED")
				.containsEntry("recordedHours", 1.5)
				.containsEntry("approvedHours", 1.5));
		Map<String, Object> past = this.volunteering
			.json(this.api.get(token, "/api/v1/me/volunteer?year=2021").exchange(), 200);
		assertThat(past).containsEntry("year", 2021).containsEntry("approvedHours", 0).containsEntry("honorHours", 0);
		this.api.get(token, "/api/v1/me/volunteer?year=1999")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("year");
		this.api.get(token, "/api/v1/me/volunteer?year=soon").exchange().expectStatus().isBadRequest();
		this.api.get(this.district.sysAdmin.token(), "/api/v1/me/volunteer")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.signups.items")
			.isEmpty();
	}

	private WebTestClient.ResponseSpec grant(String token, Map<String, Object> body) {
		return this.api.post(token, "/api/v1/volunteer/honor-hours").bodyValue(body).exchange();
	}

	private static Map<String, Object> body(UUID member, UUID project, Object hours, String reason) {
		Map<String, Object> body = new HashMap<>();
		body.put("memberId", member.toString());
		if (project != null) {
			body.put("projectId", project.toString());
		}
		body.put("hours", hours);
		body.put("reason", reason);
		return body;
	}

}
