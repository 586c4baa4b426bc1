package cn.partybuilding.minutes;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestActivities;
import cn.partybuilding.test.TestDistrict;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;

/**
 * Minutes: written by the recorder or secretary, signed off by the secretary, reviewed
 * from above, then frozen.
 */
@IntegrationTest
class MinutesIntegrationTests {

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	TestActivities activities;

	UUID meeting;

	@BeforeEach
	void setUp() {
		this.meeting = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, -90);
	}

	@Test
	void theSecretaryNamesARecorderWhoWritesTheRecordThenItIsSignedAndReviewedAndFrozen() {
		write(this.district.secretaryA.token(), this.district.memberA, "会议由书记主持。").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DRAFT");
		write(this.district.memberA.token(), this.district.memberA, "会议由书记主持，全体党员学习了…").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.updatedBy")
			.isEqualTo(this.district.memberA.id().toString());
		write(this.district.memberA2.token(), this.district.memberA2, "我来改").expectStatus().isForbidden();
		sign(this.district.memberA.token()).expectStatus().isForbidden();
		sign(this.district.secretaryA.token()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SIGNED")
			.jsonPath("$.signedBy")
			.isEqualTo(this.district.secretaryA.id().toString())
			.jsonPath("$.signedAt")
			.exists();
		assertProblem(write(this.district.secretaryA.token(), this.district.memberA, "改一下"), 409, "ILLEGAL_STATE");
		// The review is the unit above's: the branch secretary cannot review their own
		// sign-off.
		sign(this.district.secretaryA.token()).expectStatus().isForbidden();
		sign(this.district.orgAdmin.token()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REVIEWED")
			.jsonPath("$.reviewedBy")
			.isEqualTo(this.district.orgAdmin.id().toString());
		sign(this.district.orgAdmin.token()).expectStatus().isEqualTo(409);
		this.api.get(this.district.memberA2.token(), "/api/v1/activities/{id}/minutes", this.meeting)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content")
			.isEqualTo("会议由书记主持，全体党员学习了…");
	}

	@Test
	void signingNothingTheWrongRecorderAndOutsidersAreRefused() {
		assertProblem(sign(this.district.secretaryA.token()), 422, "MINUTES_MISSING");
		assertProblem(write(this.district.secretaryA.token(), this.district.memberB, "乙支部的人不能记录"), 422, "NOT_INVITED");
		write(this.district.foreignSecretary.token(), this.district.memberA, "x").expectStatus().isNotFound();
		this.api.get(this.district.foreignOrgAdmin.token(), "/api/v1/activities/{id}/minutes", this.meeting)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.get(this.district.memberA.token(), "/api/v1/activities/{id}/minutes", this.meeting)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private WebTestClient.ResponseSpec write(String token, TestDistrict.Person recorder, String content) {
		return this.api.client()
			.put()
			.uri("/api/v1/activities/{id}/minutes", this.meeting)
			.headers((headers) -> headers.setBearerAuth(token))
			.bodyValue(Map.of("recorderId", recorder.id().toString(), "content", content))
			.exchange();
	}

	private WebTestClient.ResponseSpec sign(String token) {
		return this.api.post(token, "/api/v1/activities/{id}/minutes/sign", this.meeting).exchange();
	}

}
