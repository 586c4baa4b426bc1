package cn.partybuilding.volunteer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestActivities;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestVolunteering;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours on site: checking in and out at the location within the project's time, the hours
 * recorded to the half hour inside it, and the secretary making up a forgotten checkout —
 * never past the project's end.
 */
@IntegrationTest
class OnSiteIntegrationTests {

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	TestVolunteering volunteering;

	@Test
	void theVolunteerChecksInAndOutOnceEachAndTheHoursAreRecorded() {
		String token = this.district.memberA.token();
		UUID signup = signedUp(token, -10, 120);
		refused(this.volunteering.checkOut(token, signup), 409, "ILLEGAL_STATE");
		Map<String, Object> in = this.volunteering.json(this.volunteering.checkIn(token, signup), 200);
		assertThat(in).containsEntry("status", "CHECKED_IN").containsKey("checkedInAt");
		assertThat(this.volunteering.json(this.volunteering.checkIn(token, signup), 200)).isEqualTo(in);
		// Twenty minutes of the shift so far: less than a half hour counts nothing yet.
		this.volunteering.backdateCheckIn(signup, Duration.ofMinutes(20));
		Map<String, Object> out = this.volunteering.json(this.volunteering.checkOut(token, signup), 200);
		assertThat(out).containsEntry("status", "CHECKED_OUT").containsEntry("recordedHours", 0.0);
		assertThat(this.volunteering.json(this.volunteering.checkOut(token, signup), 200)).isEqualTo(out);
		refused(this.volunteering.checkIn(token, signup), 409, "ILLEGAL_STATE");
	}

	@Test
	void hoursAreRoundedDownToTheHalfHourAndCountOnlyFromTheStart() {
		String token = this.district.memberA.token();
		// Under way for 100 minutes; checked in during the grace before the start, 110
		// minutes ago.
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, -100, 240, 3);
		UUID signup = this.volunteering.signUp(token, project);
		this.volunteering.checkIn(token, signup).expectStatus().isOk();
		this.volunteering.backdateCheckIn(signup, Duration.ofMinutes(110));
		assertThat(this.volunteering.json(this.volunteering.checkOut(token, signup), 200))
			.containsEntry("recordedHours", 1.5);
		UUID other = this.volunteering.signUp(this.district.memberA2.token(), project);
		assertThat(this.volunteering.served(this.district.memberA2.token(), other, Duration.ofMinutes(61)))
			.containsEntry("recordedHours", 1.0);
	}

	@Test
	void aCheckoutShortlyAfterTheEndCountsOnlyUntilTheEnd() {
		String token = this.district.memberA.token();
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, -10, 60, 3);
		UUID signup = this.volunteering.signUp(token, project);
		this.volunteering.checkIn(token, signup).expectStatus().isOk();
		// The project ran from 2 h 20 min ago until 20 minutes ago; checked in 2 h 15 min
		// ago.
		this.volunteering.move(project, Instant.now().minus(Duration.ofMinutes(140)),
				Instant.now().minus(Duration.ofMinutes(20)));
		this.volunteering.backdateCheckIn(signup, Duration.ofMinutes(135));
		assertThat(this.volunteering.json(this.volunteering.checkOut(token, signup), 200))
			.containsEntry("recordedHours", 1.5);
	}

	@Test
	void checkingInOpensHalfAnHourBeforeTheStartAndCheckingOutClosesHalfAnHourAfterTheEnd() {
		String token = this.district.memberA.token();
		refused(this.volunteering.checkIn(token, signedUp(token, 40, 60)), 422, "PROJECT_NOT_IN_PROGRESS");
		this.volunteering.checkIn(this.district.memberA2.token(), signedUp(this.district.memberA2.token(), 20, 60))
			.expectStatus()
			.isOk();
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, -10, 60, 3);
		UUID late = this.volunteering.signUp(this.district.memberB.token(), project);
		UUID forgetful = this.volunteering.signUp(token, project);
		this.volunteering.checkIn(token, forgetful).expectStatus().isOk();
		this.volunteering.move(project, Instant.now().minus(Duration.ofHours(3)),
				Instant.now().minus(Duration.ofMinutes(40)));
		refused(this.volunteering.checkIn(this.district.memberB.token(), late), 422, "PROJECT_NOT_IN_PROGRESS");
		refused(this.volunteering.checkOut(token, forgetful), 422, "PROJECT_NOT_IN_PROGRESS");
	}

	@Test
	void aPositionIsNeededAtAProjectWithALocationAndMustBeInsideItsRadius() {
		String token = this.district.memberA.token();
		UUID signup = signedUp(token, -10, 60);
		this.volunteering.onSite(token, signup, "checkin", null, null).expectStatus().isBadRequest();
		assertProblem(this.volunteering.onSite(token, signup, "checkin", TestActivities.LAT + 0.01, TestActivities.LNG),
				422, "OUT_OF_GEOFENCE")
			.jsonPath("$.distanceMeters")
			.isEqualTo(1112);
		this.volunteering.onSite(token, signup, "checkin", TestActivities.LAT + 0.001, TestActivities.LNG)
			.expectStatus()
			.isOk();
		refused(this.volunteering.onSite(token, signup, "checkout", TestActivities.LAT, TestActivities.LNG + 0.01), 422,
				"OUT_OF_GEOFENCE");
		// Only the distance is kept, never the position.
		assertThat(this.volunteering.count("SELECT checkin_distance_m::bigint FROM volunteer_signups WHERE id = :id",
				signup))
			.isEqualTo(111);
		// Without a location, no position is asked for.
		UUID anywhere = this.volunteering.publish(this.district.secretaryA.token(),
				TestVolunteering.body(this.district.branchA, -10, 60, 3, false));
		UUID free = this.volunteering.signUp(this.district.memberA2.token(), anywhere);
		this.api.post(this.district.memberA2.token(), "/api/v1/volunteer/signups/{id}/checkin", free)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aCancelledProjectTakesNoCheckIns() {
		String token = this.district.memberA.token();
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, -10, 60, 3);
		UUID signup = this.volunteering.signUp(token, project);
		this.api.post(this.district.secretaryA.token(), "/api/v1/volunteer/projects/{id}/cancel", project)
			.exchange()
			.expectStatus()
			.isOk();
		refused(this.volunteering.checkIn(token, signup), 422, "PROJECT_NOT_OPEN");
	}

	@Test
	void nobodyChecksInOrOutForSomeoneElse() {
		UUID signup = signedUp(this.district.memberA.token(), -10, 60);
		for (String other : new String[] { this.district.memberA2.token(), this.district.secretaryA.token(),
				this.district.foreignMember.token() }) {
			this.volunteering.checkIn(other, signup).expectStatus().isNotFound();
			this.volunteering.checkOut(other, signup).expectStatus().isNotFound();
		}
		this.volunteering.checkIn(this.district.memberA.token(), cn.partybuilding.system.Ids.newId())
			.expectStatus()
			.isNotFound();
	}

	@Test
	void theSecretaryMakesUpAForgottenCheckoutNeverPastTheEndAndWhoWhenAndWhyAreKept() {
		String token = this.district.memberA.token();
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, -10, 60, 3);
		UUID signup = this.volunteering.signUp(token, project);
		String secretary = this.district.secretaryA.token();
		refused(makeUp(secretary, signup, Instant.now()), 409, "ILLEGAL_STATE");
		this.volunteering.checkIn(token, signup).expectStatus().isOk();
		// The project ran from 3 hours ago until an hour ago; the volunteer came 10
		// minutes after the start.
		// Whole seconds: the database keeps microseconds, and "at the end" must be
		// exactly the end.
		Instant end = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		this.volunteering.move(project, end.minus(Duration.ofHours(2)), end);
		this.volunteering.backdateCheckIn(signup, Duration.ofMinutes(170));
		refused(makeUp(secretary, signup, end.plusSeconds(60)), 422, "MAKEUP_AFTER_PROJECT_END");
		makeUp(secretary, signup, Instant.now().minus(Duration.ofHours(4))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("checkedOutAt");
		makeUp(this.district.memberA2.token(), signup, end).expectStatus().isForbidden();
		makeUp(this.district.foreignSecretary.token(), signup, end).expectStatus().isNotFound();
		Map<String, Object> madeUp = this.volunteering.json(makeUp(secretary, signup, end), 200);
		assertThat(madeUp).containsEntry("status", "CHECKED_OUT")
			.containsEntry("recordedHours", 1.5)
			.containsEntry("madeUpBy", this.district.secretaryA.id().toString())
			.containsEntry("makeupReason", "忘记签退")
			.containsKey("madeUpAt");
		refused(makeUp(secretary, signup, end), 409, "ILLEGAL_STATE");
	}

	@Test
	void aMadeUpCheckoutIsNotInTheFutureAndNeverTheSecretarysOwn() {
		String secretary = this.district.secretaryA.token();
		UUID own = signedUp(secretary, -10, 120);
		this.volunteering.checkIn(secretary, own).expectStatus().isOk();
		refused(makeUp(secretary, own, Instant.now()), 403, "SELF_DECISION");
		UUID signup = signedUp(this.district.memberA.token(), -10, 120);
		this.volunteering.checkIn(this.district.memberA.token(), signup).expectStatus().isOk();
		makeUp(secretary, signup, Instant.now().plus(Duration.ofMinutes(30))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("checkedOutAt");
		this.api.post(secretary, "/api/v1/volunteer/signups/{id}/makeup", signup)
			.bodyValue(Map.of("checkedOutAt", Instant.now().toString()))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private UUID signedUp(String token, int startsInMinutes, int minutes) {
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA,
				startsInMinutes, minutes, 5);
		return this.volunteering.signUp(token, project);
	}

	private WebTestClient.ResponseSpec makeUp(String token, UUID signup, Instant checkedOutAt) {
		return this.api.post(token, "/api/v1/volunteer/signups/{id}/makeup", signup)
			.bodyValue(Map.of("checkedOutAt", checkedOutAt.toString(), "reason", "忘记签退"))
			.exchange();
	}

	private static void refused(WebTestClient.ResponseSpec response, int status, String code) {
		assertProblem(response, status, code);
	}

}
