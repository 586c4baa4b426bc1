package cn.partybuilding.attendance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import cn.partybuilding.activity.Activities;
import cn.partybuilding.checkin.CheckInCodes;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestActivities;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member checks in only for themselves, on their own phone: one device checks in one
 * member per activity, the device is named by every check-in and kept only as a keyed
 * hash, a member who left cannot check in with a token still alive, a code relayed from
 * the room is good for one window more at most, and a check-in by position alone is
 * marked on the sheet. 三会一课 ask for the code and the position unless the secretary
 * chooses otherwise.
 */
@IntegrationTest
class DeviceBindingIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	DatabaseClient db;

	@LocalServerPort
	int port;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	TestActivities activities;

	@Test
	void aSecondMemberFromTheSamePhoneIsRefusedAndTheFirstStillGetsTheirCheckIn() {
		UUID activity = meetingOfBranchA();
		String code = code(activity);
		String phone = TestActivities.deviceOf(this.district.memberA.token());
		String first = (String) this.activities
			.checkIn(this.district.memberA.token(), activity, code, TestActivities.LAT, TestActivities.LNG, phone)
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		refused(this.activities.checkIn(this.district.memberA2.token(), activity, code, TestActivities.LAT,
				TestActivities.LNG, phone), "DEVICE_ALREADY_USED");
		// The phone's owner taps again: their check-in, not a refusal.
		this.activities
			.checkIn(this.district.memberA.token(), activity, code, TestActivities.LAT, TestActivities.LNG, phone)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(first);
		// On a phone of their own, the second member checks in.
		this.activities.checkIn(this.district.memberA2.token(), activity, code, TestActivities.LAT, TestActivities.LNG)
			.expectStatus()
			.isCreated();
		assertThat(count("SELECT count(*) AS n FROM checkins WHERE activity_id = :a", activity)).isEqualTo(2);
		// The phone is bound per activity: at the next meeting it checks in whoever holds
		// it.
		UUID next = meetingOfBranchA();
		this.activities
			.checkIn(this.district.memberA2.token(), next, code(next), TestActivities.LAT, TestActivities.LNG, phone)
			.expectStatus()
			.isCreated();
	}

	@Test
	void fiftyMembersTappingOnOnePhoneAtOnceCheckInOneOfThem() {
		List<Person> members = this.district.newMembers(this.district.branchA, "同机党员", 50);
		UUID activity = meetingOfBranchA();
		String code = code(activity);
		// A real non-blocking client, so that the taps are truly in flight together (and
		// share the writer's batches).
		WebClient web = WebClient.create("http://localhost:" + this.port);
		List<Answer> answers = Flux.fromIterable(members)
			.flatMap((member) -> web.post().uri("/api/v1/activities/{id}/checkins", activity).headers((headers) -> {
				headers.setBearerAuth(member.token());
				headers.set("X-Device-Id", "one-shared-phone");
			})
				.bodyValue(Map.of("code", code, "lat", TestActivities.LAT, "lng", TestActivities.LNG))
				.exchangeToMono((response) -> response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.map((body) -> new Answer(response.statusCode().value(), body))), 50)
			.collectList()
			.block(Duration.ofMinutes(1));
		assertThat(answers).filteredOn((answer) -> answer.status() == 201).hasSize(1);
		assertThat(answers).filteredOn((answer) -> answer.status() != 201).hasSize(49).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(422);
			assertThat(answer.body()).contains("DEVICE_ALREADY_USED");
		});
		assertThat(count("SELECT count(*) AS n FROM checkins WHERE activity_id = :a", activity)).isEqualTo(1);
		assertThat(count("SELECT count(*) AS n FROM points_events e JOIN checkins c ON e.event_id = 'checkin:' || c.id "
				+ "WHERE c.activity_id = :a", activity))
			.isEqualTo(1);
	}

	@Test
	void oneMemberOnTwoPhonesGetsTheSameCheckInAndBindsOnlyTheFirstPhone() {
		UUID activity = meetingOfBranchA();
		String code = code(activity);
		String first = (String) this.activities
			.checkIn(this.district.memberA.token(), activity, code, TestActivities.LAT, TestActivities.LNG, "phone-1")
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		// A reinstalled app, a second phone: the member is checked in already.
		this.activities
			.checkIn(this.district.memberA.token(), activity, code, TestActivities.LAT, TestActivities.LNG, "phone-2")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(first);
		assertThat(count("SELECT count(*) AS n FROM checkins WHERE activity_id = :a", activity)).isEqualTo(1);
		// The second phone checked in nobody, so it is free for whoever owns it.
		this.activities
			.checkIn(this.district.memberA2.token(), activity, code, TestActivities.LAT, TestActivities.LNG, "phone-2")
			.expectStatus()
			.isCreated();
	}

	@Test
	void aCheckInWithoutAWellFormedDeviceIdIsABadRequestAndStoresNothing() {
		UUID activity = meetingOfBranchA();
		String code = code(activity);
		for (String device : new String[] { null, "", "x".repeat(129) }) {
			assertProblem(this.activities.checkIn(this.district.memberA.token(), activity, code, TestActivities.LAT,
					TestActivities.LNG, device), 400, "VALIDATION_FAILED")
				.jsonPath("$.errors[0].field")
				.isEqualTo("X-Device-Id");
		}
		// Even before anything else is looked at: an outsider without the header learns
		// nothing but that.
		this.activities
			.checkIn(this.district.foreignMember.token(), activity, code, TestActivities.LAT, TestActivities.LNG, null)
			.expectStatus()
			.isBadRequest();
		assertThat(count("SELECT count(*) AS n FROM checkins WHERE activity_id = :a", activity)).isZero();
		this.activities
			.checkIn(this.district.memberA.token(), activity, code, TestActivities.LAT, TestActivities.LNG,
					"x".repeat(128))
			.expectStatus()
			.isCreated();
	}

	@Test
	void theDeviceIdIsKeptOnlyAsAKeyedHash() {
		UUID activity = meetingOfBranchA();
		String device = "install-" + UUID.randomUUID();
		this.activities
			.checkIn(this.district.memberA.token(), activity, code(activity), TestActivities.LAT, TestActivities.LNG,
					device)
			.expectStatus()
			.isCreated();
		byte[] stored = this.db.sql("SELECT device_hash FROM checkins WHERE activity_id = :a")
			.bind("a", activity)
			.map((row) -> row.get("device_hash", byte[].class))
			.one()
			.block();
		assertThat(stored).hasSize(20);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(device.substring(8, 20));
		// Nowhere in the row, in any form a plain digest would give.
		assertThat(
				count("""
						SELECT count(*) AS n FROM checkins WHERE activity_id = :a
						  AND (position(convert_to(:id, 'UTF8') IN device_hash) > 0
						       OR device_hash IN (sha256(convert_to(:id, 'UTF8')), substring(sha256(convert_to(:id, 'UTF8')) FOR 20),
						                          decode(md5(:id), 'hex')))""",
						activity, device))
			.isZero();
	}

	@Test
	void aMemberWhoLeftCannotCheckInWithTheirStillValidToken() {
		UUID activity = meetingOfBranchA();
		String code = code(activity);
		this.client.patch()
			.uri("/api/v1/members/{id}", this.district.memberA2.id())
			.headers((headers) -> headers.setBearerAuth(this.district.secretaryA.token()))
			.bodyValue(Map.of("status", "LEFT"))
			.exchange()
			.expectStatus()
			.isOk();
		// The token issued before they left still verifies for its lifetime; the check-in
		// itself refuses them.
		refused(this.activities.checkIn(this.district.memberA2.token(), activity, code, TestActivities.LAT,
				TestActivities.LNG), "NOT_INVITED");
		refused(this.api.post(this.district.secretaryA.token(), "/api/v1/activities/{id}/checkins:manual", activity)
			.bodyValue(Map.of("memberId", this.district.memberA2.id().toString(), "reason", "代签"))
			.exchange(), "NOT_INVITED");
		assertThat(count("SELECT count(*) AS n FROM checkins WHERE activity_id = :a", activity)).isZero();
		// Their phone was not bound by the refused attempt.
		this.activities
			.checkIn(this.district.memberA.token(), activity, code, TestActivities.LAT, TestActivities.LNG,
					TestActivities.deviceOf(this.district.memberA2.token()))
			.expectStatus()
			.isCreated();
	}

	@Test
	void aCodeRelayedFromTwoWindowsAgoHasExpiredAndTheNextWindowsCodeIsNoCode() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10, List.of("QR"),
				"THEME_DAY");
		byte[] secret = this.context.getBean(Activities.class).findWithSecret(activity).block().codeSecret();
		long window = CheckInCodes.window(Instant.now());
		refused(this.activities.checkIn(this.district.memberA.token(), activity,
				CheckInCodes.code(secret, activity, window - 2), null, null), "CHECKIN_CODE_EXPIRED");
		refused(this.activities.checkIn(this.district.memberA.token(), activity,
				CheckInCodes.code(secret, activity, window + 2), null, null), "CHECKIN_CODE_INVALID");
		// The one the screen showed a moment ago still works: the window just turned.
		this.activities
			.checkIn(this.district.memberA.token(), activity, CheckInCodes.code(secret, activity, window - 1), null,
					null)
			.expectStatus()
			.isCreated();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSecretaryMayStillChooseCheckInByPositionAloneAndTheSheetMarksIt() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10,
				List.of("GEO"), "BRANCH_ASSEMBLY");
		this.activities.checkIn(this.district.memberA.token(), activity, null, TestActivities.LAT, TestActivities.LNG)
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.method")
			.isEqualTo("GEO");
		this.api.post(this.district.secretaryA.token(), "/api/v1/activities/{id}/checkins:manual", activity)
			.bodyValue(Map.of("memberId", this.district.memberA2.id().toString(), "reason", "手机没电"))
			.exchange()
			.expectStatus()
			.isCreated();
		Map<String, Object> sheet = this.api.getJson(this.district.secretaryA.token(),
				"/api/v1/activities/{id}/attendance", activity);
		assertThat(sheet).containsEntry("checkedIn", 2).containsEntry("positionOnly", 1);
		Map<String, Map<String, Object>> rows = new java.util.HashMap<>();
		((List<Map<String, Object>>) sheet.get("members"))
			.forEach((row) -> rows.put((String) row.get("memberId"), row));
		assertThat(rows.get(this.district.memberA.id().toString())).containsEntry("method", "GEO")
			.containsEntry("positionOnly", true);
		assertThat(rows.get(this.district.memberA2.id().toString())).containsEntry("method", "MANUAL")
			.containsEntry("positionOnly", false);
		assertThat(rows.get(this.district.secretaryA.id().toString())).containsEntry("state", "ABSENT")
			.containsEntry("positionOnly", false);
		assertThat(rows.get(this.district.secretaryA.id().toString()).get("method")).isNull();
	}

	@Test
	void withoutMethodsAMeetingOfSanHuiYiKeAsksForCodeAndPositionAndAThemeDayForTheCode() {
		Map<String, Object> assembly = TestActivities.body(this.district.branchA, 10, List.of(), "BRANCH_ASSEMBLY");
		assembly.remove("checkInMethods");
		Map<String, Object> planned = this.api.post(this.district.secretaryA.token(), "/api/v1/activities")
			.bodyValue(assembly)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(planned).containsEntry("checkInMethods", List.of("QR", "GEO"));
		UUID activity = UUID.fromString((String) planned.get("id"));
		String code = code(activity);
		// The code alone is not enough at a 三会一课: it may have been relayed from the room.
		this.activities.checkIn(this.district.memberA.token(), activity, code, null, null)
			.expectStatus()
			.isBadRequest();
		this.activities.checkIn(this.district.memberA.token(), activity, code, TestActivities.LAT, TestActivities.LNG)
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.method")
			.isEqualTo("QR_GEO");

		assembly.remove("venue");
		this.api.post(this.district.secretaryA.token(), "/api/v1/activities")
			.bodyValue(assembly)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("venue");

		Map<String, Object> themeDay = TestActivities.body(this.district.branchA, 10, List.of(), "THEME_DAY");
		themeDay.remove("checkInMethods");
		themeDay.remove("venue");
		this.api.post(this.district.secretaryA.token(), "/api/v1/activities")
			.bodyValue(themeDay)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.checkInMethods")
			.isEqualTo(List.of("QR"));

		Map<String, Object> chosen = TestActivities.body(this.district.branchA, 10, List.of("QR"), "PARTY_LECTURE");
		this.api.post(this.district.secretaryA.token(), "/api/v1/activities")
			.bodyValue(chosen)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.checkInMethods")
			.isEqualTo(List.of("QR"));
	}

	private UUID meetingOfBranchA() {
		return this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10);
	}

	private String code(UUID activity) {
		return this.activities.code(this.district.secretaryA.token(), activity);
	}

	private static void refused(WebTestClient.ResponseSpec response, String code) {
		assertProblem(response, 422, code);
	}

	private long count(String sql, UUID activity) {
		return this.db.sql(sql).bind("a", activity).map((row) -> row.get("n", Long.class)).one().block();
	}

	private long count(String sql, UUID activity, String id) {
		return this.db.sql(sql).bind("a", activity).bind("id", id).map((row) -> row.get("n", Long.class)).one().block();
	}

	private record Answer(int status, String body) {
	}

}
