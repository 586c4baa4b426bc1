package cn.partybuilding.attendance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import cn.partybuilding.activity.Activities;
import cn.partybuilding.checkin.CheckInCodes;
import cn.partybuilding.member.Gender;
import cn.partybuilding.member.MemberCategory;
import cn.partybuilding.member.Members;
import cn.partybuilding.member.NewMember;
import cn.partybuilding.security.Role;
import cn.partybuilding.security.RoleGrant;
import cn.partybuilding.security.TokenIssuer;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestActivities;
import cn.partybuilding.test.TestDistrict;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checking in by code and position: exactly once per member, refusals with the codes of
 * API.md, by hand with an audit trail, and the attendance sheet, right while a thousand
 * members check in at once.
 */
@IntegrationTest
class CheckInIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	DatabaseClient db;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	TestActivities activities;

	@Test
	void aMemberChecksInOnceAndEveryRepeatGetsTheSameCheckIn() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10);
		String code = code(activity);
		Map<String, Object> first = checkIn(this.district.memberA.token(), activity, code, TestActivities.LAT,
				TestActivities.LNG)
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(first).containsEntry("method", "QR_GEO")
			.containsEntry("memberId", this.district.memberA.id().toString())
			.containsEntry("distanceMeters", 0);
		Map<String, Object> again = checkIn(this.district.memberA.token(), activity, "WRONGCODE0", null, null)
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(again.get("id")).isEqualTo(first.get("id"));
	}

	@Test
	void aCheckInEarnsTheMeetingsPointsWithinMoments() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10);
		checkIn(this.district.memberA.token(), activity, code(activity), TestActivities.LAT, TestActivities.LNG)
			.expectStatus()
			.isCreated();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> this.api.get(this.district.memberA.token(), "/api/v1/me/points")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.basic")
				.isEqualTo(3.0));
	}

	@Test
	void codesThatExpiredOrBelongElsewhereAreRefusedWithTheirCode() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10, List.of("QR"),
				"THEME_DAY");
		UUID other = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10, List.of("QR"),
				"THEME_DAY");
		byte[] secret = this.context.getBean(Activities.class).findWithSecret(activity).block().codeSecret();
		String old = CheckInCodes.code(secret, activity, CheckInCodes.window(Instant.now()) - 4);
		refused(checkIn(this.district.memberA.token(), activity, old, null, null), "CHECKIN_CODE_EXPIRED");
		refused(checkIn(this.district.memberA.token(), activity, code(other), null, null), "CHECKIN_CODE_INVALID");
		refused(checkIn(this.district.memberA.token(), activity, null, null, null), "CHECKIN_CODE_INVALID");
		checkIn(this.district.memberA.token(), activity, code(activity), null, null).expectStatus().isCreated();
	}

	@Test
	void aPositionOutsideTheVenueIsRefusedSayingHowFar() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10,
				List.of("GEO"), "ORG_LIFE");
		assertProblem(
				checkIn(this.district.memberA.token(), activity, null, TestActivities.LAT + 0.01, TestActivities.LNG),
				422, "OUT_OF_GEOFENCE")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("1112"));
		checkIn(this.district.memberA.token(), activity, null, null, null).expectStatus().isBadRequest();
		checkIn(this.district.memberA.token(), activity, null, TestActivities.LAT + 0.001, TestActivities.LNG)
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.method")
			.isEqualTo("GEO");
	}

	@Test
	void outsideTheWindowOrForAnActivityThatIsNotOpenCheckInIsRefused() {
		UUID tomorrow = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 24 * 60);
		refused(checkIn(this.district.memberA.token(), tomorrow, code(tomorrow), TestActivities.LAT,
				TestActivities.LNG), "CHECKIN_WINDOW_CLOSED");
		UUID over = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, -120);
		refused(checkIn(this.district.memberA.token(), over, code(over), TestActivities.LAT, TestActivities.LNG),
				"CHECKIN_WINDOW_CLOSED");
		UUID proposal = this.activities.plan(this.district.memberA.token(), this.district.branchA, 10);
		refused(checkIn(this.district.memberA2.token(), proposal, "AAAAAAAAAA", TestActivities.LAT, TestActivities.LNG),
				"ACTIVITY_NOT_OPEN");
	}

	@Test
	void onlyInviteesCheckInAndOutsidersFindNothing() {
		UUID activity = this.activities.plan(this.district.secretaryB.token(), this.district.branchB, 10);
		String code = code(activity, this.district.secretaryB.token());
		// The district's org admin sees branch B's activity but is a member of branch A:
		// not invited.
		refused(checkIn(this.district.orgAdmin.token(), activity, code, TestActivities.LAT, TestActivities.LNG),
				"NOT_INVITED");
		checkIn(this.district.memberA.token(), activity, code, TestActivities.LAT, TestActivities.LNG).expectStatus()
			.isNotFound();
		checkIn(this.district.foreignMember.token(), activity, code, TestActivities.LAT, TestActivities.LNG)
			.expectStatus()
			.isNotFound();
	}

	@Test
	void membersOfABranchAreInvitedToTheirCommunitysActivity() {
		UUID themeDay = this.activities.plan(this.district.orgAdmin.token(), this.district.community, 10);
		String code = code(themeDay, this.district.orgAdmin.token());
		checkIn(this.district.memberB.token(), themeDay, code, TestActivities.LAT, TestActivities.LNG).expectStatus()
			.isCreated();
		this.api.get(this.district.memberB.token(), "/api/v1/activities/{id}", themeDay)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aSecretaryChecksInAMemberWithoutAPhoneAndWhoWhenAndWhyAreKept() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10);
		this.api.post(this.district.secretaryA.token(), "/api/v1/activities/{id}/checkins:manual", activity)
			.bodyValue(Map.of("memberId", this.district.memberA2.id().toString(), "reason", "老党员没有智能手机"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.method")
			.isEqualTo("MANUAL");
		Map<String, Object> audit = this.db
			.sql("SELECT recorded_by, manual_reason FROM checkins WHERE activity_id = :a AND member_id = :m")
			.bind("a", activity)
			.bind("m", this.district.memberA2.id())
			.fetch()
			.one()
			.block();
		assertThat(audit).containsEntry("recorded_by", this.district.secretaryA.id())
			.containsEntry("manual_reason", "老党员没有智能手机");
		assertProblem(
				this.api.post(this.district.secretaryA.token(), "/api/v1/activities/{id}/checkins:manual", activity)
					.bodyValue(Map.of("memberId", this.district.memberB.id().toString(), "reason", "x"))
					.exchange(),
				422, "NOT_INVITED");
		this.api.post(this.district.memberA.token(), "/api/v1/activities/{id}/checkins:manual", activity)
			.bodyValue(Map.of("memberId", this.district.memberA.id().toString(), "reason", "x"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void theCodeIsForTheSecretaryOnly() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10);
		this.api.get(this.district.memberA.token(), "/api/v1/activities/{id}/checkin-code", activity)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.api.get(this.district.foreignOrgAdmin.token(), "/api/v1/activities/{id}/checkin-code", activity)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void fiftyParallelTapsOfOneMemberMakeOneCheckIn() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10);
		String code = code(activity);
		List<Integer> statuses = Flux.range(0, 50)
			.flatMap((i) -> reactor.core.publisher.Mono.fromCallable(
					() -> checkIn(this.district.memberA.token(), activity, code, TestActivities.LAT, TestActivities.LNG)
						.returnResult(String.class)
						.getStatus()
						.value())
				.subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 50)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(statuses).containsOnly(200, 201);
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(count("SELECT count(*) AS n FROM checkins WHERE activity_id = :a", activity)).isEqualTo(1);
		assertThat(this.db
			.sql("SELECT count(*) AS n FROM points_events e JOIN checkins c "
					+ "ON e.event_id = 'checkin:' || c.id WHERE c.activity_id = :a")
			.bind("a", activity)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block()).isEqualTo(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aThousandMembersCheckInAtOnceAndTheSheetIsExact() {
		ThousandInvited meeting = thousandInvited("千人支部");
		String secretary = meeting.secretary();
		UUID activity = meeting.activity();
		DistributionSummary batches = this.meters.get("party.checkins.batch.size").summary();
		long transactionsBefore = batches.count();
		double writtenBefore = batches.totalAmount();
		Timer writes = this.meters.get("party.checkins.write").timer();
		long timedBefore = writes.count();
		// A real non-blocking client, so that the requests are truly in flight together.
		WebClient web = WebClient.create("http://localhost:" + this.port);
		Mono<String> liveCode = meeting.liveCode(web);
		List<Integer> statuses = Flux.fromIterable(meeting.tokens())
			.flatMap((token) -> tap(web, meeting, liveCode, token), 256)
			.collectList()
			.block(Duration.ofMinutes(2));
		assertThat(statuses).hasSize(1000).containsOnly(201);
		assertThat(count("SELECT count(*) AS n FROM checkins WHERE activity_id = :a", activity)).isEqualTo(1000);
		// Each check-in was written once, and those that arrived together shared
		// transactions.
		assertThat(batches.totalAmount() - writtenBefore).isEqualTo(1000);
		assertThat(batches.count() - transactionsBefore).isLessThan(1000);
		// Every write is timed, for operators: how long a check-in waits for the database
		// at least.
		assertThat(writes.count() - timedBefore).isEqualTo(batches.count() - transactionsBefore);
		Map<String, Object> sheet = this.api.getJson(secretary, "/api/v1/activities/{id}/attendance", activity);
		assertThat(sheet).containsEntry("invited", 1000)
			.containsEntry("checkedIn", 1000)
			.containsEntry("absent", 0)
			.containsEntry("rate", 1.0);
		assertThat((List<Object>) sheet.get("members")).hasSize(1000);
	}

	/**
	 * Phones give up: a request the client abandons at any moment (its connection closed
	 * mid-flight) either leaves its check-in together with its points event or leaves
	 * nothing, and the connections it held go back clean.
	 */
	@Test
	void checkInsAbandonedMidFlightNeverLeaveACheckInWithoutItsPointsEvent() throws InterruptedException {
		ThousandInvited meeting = thousandInvited("掉线支部");
		List<String> tokens = meeting.tokens();
		UUID activity = meeting.activity();
		WebClient web = WebClient.create("http://localhost:" + this.port);
		Mono<String> liveCode = meeting.liveCode(web);
		java.util.Random random = new java.util.Random(20261125);
		List<Duration> patience = tokens.stream().map((token) -> Duration.ofMillis(1 + random.nextInt(80))).toList();
		Flux.range(0, tokens.size())
			.flatMap((i) -> tap(web, meeting, liveCode, tokens.get(i)).timeout(patience.get(i))
				.onErrorResume((ex) -> Mono.just(0)), 256)
			.collectList()
			.block(Duration.ofMinutes(2));
		// What the server still had in hand when the clients left finishes or rolls back
		// by now.
		Thread.sleep(3_000);
		assertThat(this.db.sql("""
				SELECT count(*) AS n FROM pg_stat_activity
				WHERE datname = current_database() AND state = 'idle in transaction'
				  AND state_change < now() - interval '2 seconds'
				""").map((row) -> row.get("n", Long.class)).one().block()).as("connections left inside a transaction")
			.isZero();
		long checkIns = count("SELECT count(*) AS n FROM checkins WHERE activity_id = :a", activity);
		assertThat(count("""
				SELECT count(*) AS n FROM checkins c
				WHERE c.activity_id = :a
				  AND NOT EXISTS (SELECT 1 FROM points_events e WHERE e.event_id = 'checkin:' || c.id)
				""", activity)).as("check-ins without their points event, of %d", checkIns).isZero();
		// No connection went back to the pool inside a transaction: everybody who retries
		// checks in once, with one
		// event each.
		List<Integer> retries = Flux.fromIterable(tokens)
			.flatMap((token) -> tap(web, meeting, liveCode, token), 64)
			.collectList()
			.block(Duration.ofMinutes(2));
		assertThat(retries).hasSize(1000).containsOnly(200, 201);
		assertThat(count("SELECT count(*) AS n FROM checkins WHERE activity_id = :a", activity)).isEqualTo(1000);
		assertThat(count("""
				SELECT count(*) AS n FROM points_events e JOIN checkins c ON e.event_id = 'checkin:' || c.id
				WHERE c.activity_id = :a
				""", activity)).isEqualTo(1000);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theSheetShowsWhoCameWhoIsExcusedAndWhoIsAbsent() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10);
		UUID leave = askLeave(this.district.memberA2.token(), activity);
		this.api.post(this.district.secretaryA.token(), "/api/v1/leave-requests/{id}/approve", leave)
			.exchange()
			.expectStatus()
			.isOk();
		checkIn(this.district.memberA.token(), activity, code(activity), TestActivities.LAT, TestActivities.LNG)
			.expectStatus()
			.isCreated();
		Map<String, Object> sheet = this.api.getJson(this.district.secretaryA.token(),
				"/api/v1/activities/{id}/attendance", activity);
		// Branch A: memberA, memberA2, secretaryA and the district's org admin.
		assertThat(sheet).containsEntry("invited", 4)
			.containsEntry("checkedIn", 1)
			.containsEntry("onLeave", 1)
			.containsEntry("absent", 2)
			.containsEntry("rate", 0.25);
		Map<String, String> states = ((List<Map<String, Object>>) sheet.get("members")).stream()
			.collect(Collectors.toMap((row) -> (String) row.get("memberId"), (row) -> (String) row.get("state")));
		assertThat(states).containsEntry(this.district.memberA.id().toString(), "CHECKED_IN")
			.containsEntry(this.district.memberA2.id().toString(), "ON_LEAVE")
			.containsEntry(this.district.secretaryA.id().toString(), "ABSENT");
		this.api.get(this.district.memberA.token(), "/api/v1/activities/{id}/attendance", activity)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.api.get(this.district.foreignSecretary.token(), "/api/v1/activities/{id}/attendance", activity)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void leaveIsAskedBeforeTheStartAndDecidedOnce() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 90);
		this.api.post(this.district.memberA.token(), "/api/v1/activities/{id}/leave-requests", activity)
			.bodyValue(Map.of("reason", "出差"))
			.exchange()
			.expectStatus()
			.isCreated();
		this.api.post(this.district.memberA.token(), "/api/v1/activities/{id}/leave-requests", activity)
			.bodyValue(Map.of("reason", "出差"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PENDING");
		UUID leave = askLeave(this.district.memberA2.token(), activity);
		this.api.post(this.district.memberA.token(), "/api/v1/leave-requests/{id}/approve", leave)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.api.post(this.district.foreignSecretary.token(), "/api/v1/leave-requests/{id}/approve", leave)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.post(this.district.secretaryA.token(), "/api/v1/leave-requests/{id}/reject", leave)
			.bodyValue(Map.of("reason", "会议重要，请安排时间参加"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REJECTED");
		this.api.post(this.district.secretaryA.token(), "/api/v1/leave-requests/{id}/approve", leave)
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		UUID started = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, -5);
		assertProblem(this.api.post(this.district.memberA.token(), "/api/v1/activities/{id}/leave-requests", started)
			.bodyValue(Map.of("reason", "迟了"))
			.exchange(), 422, "LEAVE_TOO_LATE");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aMemberSeesTheirActivitiesWithWhereTheyStand() {
		UUID now = this.activities.plan(this.district.secretaryB.token(), this.district.branchB, 10);
		UUID later = this.activities.plan(this.district.secretaryB.token(), this.district.branchB, 600);
		UUID over = this.activities.plan(this.district.secretaryB.token(), this.district.branchB, -120);
		UUID community = this.activities.plan(this.district.orgAdmin.token(), this.district.community, 700);
		askLeave(this.district.memberB.token(), later);
		checkIn(this.district.memberB.token(), now, code(now, this.district.secretaryB.token()), TestActivities.LAT,
				TestActivities.LNG)
			.expectStatus()
			.isCreated();
		List<Map<String, Object>> items = (List<Map<String, Object>>) this.api
			.getJson(this.district.memberB.token(), "/api/v1/me/activities?from=" + LocalDate.now().minusDays(1))
			.get("items");
		Map<String, Object> states = new HashMap<>();
		items.forEach((item) -> states.put((String) item.get("id"), item.get("myState")));
		assertThat(states).containsEntry(over.toString(), "ABSENT")
			.containsEntry(now.toString(), "CHECKED_IN")
			.containsEntry(later.toString(), "LEAVE_PENDING")
			.containsEntry(community.toString(), "NOT_CHECKED_IN");
	}

	@Test
	void absencesAreMarkedOnceAfterTheEnd() {
		UUID over = this.activities.plan(this.district.secretaryB.token(), this.district.branchB, -120);
		// The secretary chaired it; the org admin above records that (nobody records
		// their own check-in).
		this.api.post(this.district.orgAdmin.token(), "/api/v1/activities/{id}/checkins:manual", over)
			.bodyValue(Map.of("memberId", this.district.secretaryB.id().toString(), "reason", "主持会议"))
			.exchange()
			.expectStatus()
			.isCreated();
		AbsenceMarking marking = this.context.getBean(AbsenceMarking.class);
		marking.markUpTo(LocalDate.now().plusDays(1)).block();
		assertThat(count("SELECT count(*) AS n FROM activity_invitees WHERE activity_id = :a", over)).isEqualTo(2);
		assertThat(this.db.sql("SELECT status FROM activities WHERE id = :a")
			.bind("a", over)
			.map((row) -> row.get("status", String.class))
			.one()
			.block()).isEqualTo("COMPLETED");
		marking.markUpTo(LocalDate.now().plusDays(1)).block();
		// memberB was absent without leave: one deduction event, however often marking
		// runs.
		assertThat(this.db.sql("SELECT count(*) AS n FROM points_events WHERE event_id LIKE :prefix")
			.bind("prefix", "absence:" + over + ":%")
			.map((row) -> row.get("n", Long.class))
			.one()
			.block()).isEqualTo(1);
	}

	@Test
	void theLeaveDecisionReachesTheMembersInbox() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 90);
		UUID leave = askLeave(this.district.memberA2.token(), activity);
		this.api.post(this.district.secretaryA.token(), "/api/v1/leave-requests/{id}/reject", leave)
			.bodyValue(Map.of("reason", "请准时参加"))
			.exchange()
			.expectStatus()
			.isOk();
		this.api.get(this.district.memberA2.token(), "/api/v1/me/notifications")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.kind == 'LEAVE_RESULT')].body")
			.value((List<String> bodies) -> assertThat(bodies).singleElement()
				.asString()
				.contains("十一月支部党员大会")
				.contains("请准时参加"));
	}

	@Test
	void theAbsenceMarkingJobCompletesEndedActivitiesWhenRunForADate() {
		UUID over = this.activities.plan(this.district.secretaryB.token(), this.district.branchB, -120);
		String admin = this.district.sysAdmin.token();
		// The business day it ended on (not the machine's date for eight hours of every
		// day).
		LocalDate day = LocalDate.now(this.context.getBean(java.time.Clock.class));
		String run = (String) this.api.post(admin, "/api/v1/admin/jobs/absence-marking/runs")
			.bodyValue(Map.of("date", day.toString()))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.api.get(admin, "/api/v1/admin/jobs/absence-marking/runs/{id}", run)
				.exchange()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("DONE"));
		assertThat(this.db.sql("SELECT status FROM activities WHERE id = :a")
			.bind("a", over)
			.map((row) -> row.get("status", String.class))
			.one()
			.block()).isEqualTo("COMPLETED");
	}

	/**
	 * One member's tap on "check in" to the meeting, with its code and the venue's
	 * position: the answer's status.
	 */
	private static Mono<Integer> tap(WebClient web, ThousandInvited meeting, Mono<String> liveCode, String token) {
		return liveCode.flatMap(
				(code) -> web.post().uri("/api/v1/activities/{id}/checkins", meeting.activity()).headers((headers) -> {
					headers.setBearerAuth(token);
					headers.set("X-Device-Id", TestActivities.deviceOf(token));
				})
					.bodyValue(Map.of("code", code, "lat", TestActivities.LAT, "lng", TestActivities.LNG))
					.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())));
	}

	/**
	 * A new branch of a thousand members, secretary B over it, and an activity of it open
	 * for check-in.
	 */
	private ThousandInvited thousandInvited(String branchName) {
		UUID branch = this.context.getBean(cn.partybuilding.org.OrgTree.class)
			.add(Ids.newId(), this.district.community, branchName, cn.partybuilding.org.OrgType.BRANCH, null)
			.block()
			.id();
		this.context.getBean(cn.partybuilding.account.Accounts.class)
			.grant(this.district.secretaryB.id(), Role.SECRETARY, branch)
			.block();
		String secretary = this.api.login(this.district.secretaryB.phone(), TestDistrict.PASSWORD);
		List<String> tokens = thousandMembers(branch);
		UUID activity = this.activities.plan(secretary, branch, 10);
		return new ThousandInvited(secretary, tokens, activity, code(activity, secretary));
	}

	private record ThousandInvited(String secretary, List<String> tokens, UUID activity, String code) {

		/**
		 * The code the meeting room shows now, asked for again every 10 s: a code is
		 * taken for 30 to 60 s, and a wave of a thousand check-ins on a loaded machine
		 * can take longer than that.
		 */
		@SuppressWarnings("unchecked")
		Mono<String> liveCode(WebClient web) {
			return web.get()
				.uri("/api/v1/activities/{id}/checkin-code", this.activity)
				.headers((headers) -> headers.setBearerAuth(this.secretary))
				.retrieve()
				.bodyToMono(Map.class)
				.map((body) -> (String) body.get("code"))
				.cache(Duration.ofSeconds(10));
		}

	}

	private List<String> thousandMembers(UUID branch) {
		Members members = this.context.getBean(Members.class);
		TokenIssuer issuer = this.context.getBean(TokenIssuer.class);
		List<NewMember> created = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			created.add(new NewMember(Ids.newId(), branch, "千人党员" + i, Api.newPhone(), Gender.MALE,
					LocalDate.of(1980, 1, 1), LocalDate.of(2005, 7, 1), LocalDate.of(2006, 7, 1),
					MemberCategory.IN_SERVICE, null));
		}
		Flux.fromIterable(created).flatMap(members::register, 8).blockLast(Duration.ofMinutes(2));
		return created.stream()
			.map((member) -> issuer
				.issue(member.id(), branch, List.of(new RoleGrant(Role.MEMBER, branch)), UUID.randomUUID())
				.value())
			.toList();
	}

	private UUID askLeave(String token, UUID activity) {
		return UUID.fromString((String) this.api.post(token, "/api/v1/activities/{id}/leave-requests", activity)
			.bodyValue(Map.of("reason", "家中有事"))
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id"));
	}

	private String code(UUID activity) {
		return code(activity, this.district.secretaryA.token());
	}

	private String code(UUID activity, String token) {
		return (String) this.api.getJson(token, "/api/v1/activities/{id}/checkin-code", activity).get("code");
	}

	private WebTestClient.ResponseSpec checkIn(String token, UUID activity, String code, Double lat, Double lng) {
		return this.activities.checkIn(token, activity, code, lat, lng);
	}

	private static void refused(WebTestClient.ResponseSpec response, String code) {
		assertProblem(response, 422, code);
	}

	private long count(String sql, UUID activity) {
		return this.db.sql(sql).bind("a", activity).map((row) -> row.get("n", Long.class)).one().block();
	}

}
