package cn.partybuilding.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.SecondInstance;
import cn.partybuilding.test.TestActivities;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ended session is ended everywhere within seconds: after logout, after a refresh
 * token was replayed, after the member left, and (for the tokens that carried them) after
 * roles were removed or the member moved. Checked on this instance and on a second one
 * that learns of it only through PostgreSQL, and on an instance started afterwards.
 */
@IntegrationTest
class SessionEndIntegrationTests {

	/** Within how long every instance must refuse an ended session's tokens. */
	static final Duration EVERYWHERE = Duration.ofSeconds(5);

	static SecondInstance second;

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestDistrict district;

	@Autowired
	Api api;

	@Autowired
	TestActivities activities;

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	@BeforeEach
	void setUp() {
		// Once the shared context (and with it the containers) is up.
		if (second == null) {
			second = SecondInstance.start();
		}
	}

	@Test
	void everyInstanceListensForSessionChanges() {
		// Not only the catch-up reads every few seconds: PostgreSQL tells the instances
		// the moment a change commits.
		org.awaitility.Awaitility.await()
			.atMost(EVERYWHERE)
			.until(() -> this.context.getBean(SessionFeed.class).listening()
					&& second.bean(SessionFeed.class).listening());
	}

	@Test
	void logoutTakesTheRefreshTokenAndWorksWithAnExpiredAccessToken() {
		Person member = this.district.newMember(this.district.branchA, "登出者");
		Map<String, Object> tokens = this.api.tokens(member.phone(), TestDistrict.PASSWORD);
		String access = (String) tokens.get("accessToken");
		assertAccepted(this.client, access);
		assertAccepted(second.client(), access);

		this.client.post()
			.uri("/api/v1/auth/logout")
			.headers((headers) -> headers.setBearerAuth(expiredToken(member.id())))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("refreshToken", tokens.get("refreshToken")))
			.exchange()
			.expectStatus()
			.isNoContent();

		assertRefusedEverywhereSoon(access);
		refresh((String) tokens.get("refreshToken")).expectStatus().isUnauthorized();
	}

	@Test
	void logoutNeedsTheRefreshTokenAndAnswersAlikeForUnknownOnes() {
		this.client.post()
			.uri("/api/v1/auth/logout")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.post()
			.uri("/api/v1/auth/logout")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("refreshToken", "not-a-token-of-anyone"))
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	@Test
	void loggingOutOneSessionLeavesTheOthers() {
		Person member = this.district.newMember(this.district.branchA, "两台手机");
		Map<String, Object> phone = this.api.tokens(member.phone(), TestDistrict.PASSWORD);
		Map<String, Object> tablet = this.api.tokens(member.phone(), TestDistrict.PASSWORD);
		logout((String) phone.get("refreshToken"));
		assertRefusedEverywhereSoon((String) phone.get("accessToken"));
		assertAccepted(this.client, (String) tablet.get("accessToken"));
		assertAccepted(second.client(), (String) tablet.get("accessToken"));
	}

	@Test
	void aReplayedRefreshTokenEndsTheSessionsAccessTokensToo() {
		Person member = this.district.newMember(this.district.branchA, "被盗者");
		Map<String, Object> first = this.api.tokens(member.phone(), TestDistrict.PASSWORD);
		Map<String, Object> rotated = refresh((String) first.get("refreshToken")).expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertAccepted(second.client(), (String) rotated.get("accessToken"));
		// The thief replays the first token: the whole session ends, the owner's current
		// access token included.
		refresh((String) first.get("refreshToken")).expectStatus().isUnauthorized();
		assertRefusedEverywhereSoon((String) rotated.get("accessToken"));
		assertRefusedEverywhereSoon((String) first.get("accessToken"));
	}

	@Test
	void aMemberWhoLeftIsLockedOutAtOnceAndToldWhy() {
		Person member = this.district.newMember(this.district.branchA, "出党者");
		Map<String, Object> tokens = this.api.tokens(member.phone(), TestDistrict.PASSWORD);
		String access = (String) tokens.get("accessToken");
		this.api.getJson(access, "/api/v1/orgs/{id}/members", this.district.branchA);

		leave(member);

		assertRefusedEverywhereSoon(access);
		this.api.get(access, "/api/v1/orgs/{id}/members", this.district.branchA)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertProblem(refresh((String) tokens.get("refreshToken")), 403, "MEMBERSHIP_ENDED");
		assertProblem(this.api.anonymousPost("/api/v1/auth/login")
			.bodyValue(Map.of("phone", member.phone(), "password", TestDistrict.PASSWORD))
			.exchange(), 403, "MEMBERSHIP_ENDED");
		// A wrong password still says only that the credentials are wrong.
		this.api.anonymousPost("/api/v1/auth/login")
			.bodyValue(Map.of("phone", member.phone(), "password", "Wrong#2026"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		// And they are invited to nothing any more: not on the sheet of the branch's next
		// meeting.
		UUID meeting = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 90);
		Map<String, Object> sheet = this.api.getJson(this.district.secretaryA.token(),
				"/api/v1/activities/{id}/attendance", meeting);
		assertThat(sheet.get("members").toString()).doesNotContain(member.id().toString())
			.contains(this.district.memberA.id().toString());
	}

	@Test
	void aMemberTransferredOutIsLockedOutToo() {
		Person member = this.district.newMember(this.district.branchA, "转出者");
		Map<String, Object> tokens = this.api.tokens(member.phone(), TestDistrict.PASSWORD);
		this.api.client()
			.patch()
			.uri("/api/v1/members/{id}", member.id())
			.headers((headers) -> headers.setBearerAuth(this.district.secretaryA.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "TRANSFERRED_OUT"))
			.exchange()
			.expectStatus()
			.isOk();
		assertRefusedEverywhereSoon((String) tokens.get("accessToken"));
		refresh((String) tokens.get("refreshToken")).expectStatus().isForbidden();
	}

	@Test
	void loginsRacingTheLeavingLeaveNoSessionBehind() throws Exception {
		Person member = this.district.newMember(this.district.branchA, "抢登者");
		// Four at once: every attempt holds one of the phone's five failures until it
		// succeeds.
		CyclicBarrier together = new CyclicBarrier(5);
		List<CompletableFuture<Map<String, Object>>> logins = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			logins.add(CompletableFuture.supplyAsync(() -> {
				together(together);
				return this.client.post()
					.uri("/api/v1/auth/login")
					.header("X-Forwarded-For", this.api.address())
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("phone", member.phone(), "password", TestDistrict.PASSWORD))
					.exchange()
					.expectBody(Api.JSON)
					.returnResult()
					.getResponseBody();
			}));
		}
		together(together);
		leave(member);
		for (CompletableFuture<Map<String, Object>> login : logins) {
			Map<String, Object> answer = login.get();
			if (answer.containsKey("accessToken")) {
				assertRefusedEverywhereSoon((String) answer.get("accessToken"));
				refresh((String) answer.get("refreshToken")).expectStatus().isForbidden();
			}
			else {
				assertThat(answer).containsEntry("code", "MEMBERSHIP_ENDED");
			}
		}
	}

	@Test
	void aRemovedRoleStopsCountingAndRefreshingGivesTokensWithoutIt() {
		Person secretary = this.district.newMember(this.district.branchB, "卸任书记");
		this.api.post(this.district.orgAdmin.token(), "/api/v1/members/{id}/roles", secretary.id())
			.bodyValue(Map.of("role", "SECRETARY", "scopeId", this.district.branchB.toString()))
			.exchange()
			.expectStatus()
			.isCreated();
		Map<String, Object> tokens = this.api.tokens(secretary.phone(), TestDistrict.PASSWORD);
		String access = (String) tokens.get("accessToken");
		// As secretary they may see the political birthdays of the branch.
		this.api
			.get(access, "/api/v1/orgs/{id}/political-birthdays?from=2026-01-01&to=2026-01-31", this.district.branchB)
			.exchange()
			.expectStatus()
			.isOk();

		removeRole(this.district.orgAdmin.token(), secretary.id(), "SECRETARY", this.district.branchB).expectStatus()
			.isNoContent();

		assertRefusedEverywhereSoon(access);
		Map<String, Object> renewed = refresh((String) tokens.get("refreshToken")).expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		String now = (String) renewed.get("accessToken");
		assertAccepted(this.client, now);
		assertAccepted(second.client(), now);
		this.api.get(now, "/api/v1/orgs/{id}/political-birthdays?from=2026-01-01&to=2026-01-31", this.district.branchB)
			.exchange()
			.expectStatus()
			.isForbidden();
		// Removing a role nobody holds there is not found; removing one's own roles is
		// not for oneself to decide.
		removeRole(this.district.orgAdmin.token(), secretary.id(), "SECRETARY", this.district.branchB).expectStatus()
			.isNotFound();
		assertProblem(removeRole(this.district.orgAdmin.token(), this.district.orgAdmin.id(), "ORG_ADMIN",
				this.district.committee), 403, "SELF_DECISION");
		// A secretary cannot take roles away, nor can an org admin of another subtree
		// (who does not see the member).
		removeRole(this.district.secretaryB.token(), this.district.secretaryA.id(), "SECRETARY", this.district.branchA)
			.expectStatus()
			.value((status) -> assertThat(status).isIn(403, 404));
		removeRole(this.district.foreignOrgAdmin.token(), this.district.secretaryA.id(), "SECRETARY",
				this.district.branchA)
			.expectStatus()
			.isNotFound();
	}

	@Test
	void aMemberWhoMovedGetsTokensOfTheNewBranch() {
		Person member = this.district.newMember(this.district.branchA, "迁移者");
		Map<String, Object> tokens = this.api.tokens(member.phone(), TestDistrict.PASSWORD);
		this.api.client()
			.patch()
			.uri("/api/v1/members/{id}", member.id())
			.headers((headers) -> headers.setBearerAuth(this.district.orgAdmin.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("branchId", this.district.branchB.toString()))
			.exchange()
			.expectStatus()
			.isOk();
		assertRefusedEverywhereSoon((String) tokens.get("accessToken"));
		String renewed = (String) refresh((String) tokens.get("refreshToken")).expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("accessToken");
		this.api.get(renewed, "/api/v1/orgs/{id}/members", this.district.branchB).exchange().expectStatus().isOk();
		this.api.get(renewed, "/api/v1/orgs/{id}/members", this.district.branchA)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anInstanceStartedAfterwardsKnowsOfEndedSessions() {
		Person member = this.district.newMember(this.district.branchA, "后启动");
		Map<String, Object> tokens = this.api.tokens(member.phone(), TestDistrict.PASSWORD);
		logout((String) tokens.get("refreshToken"));
		try (SecondInstance later = SecondInstance.start()) {
			assertRefused(later.client(), (String) tokens.get("accessToken"));
		}
	}

	private WebTestClient.ResponseSpec removeRole(String token, UUID member, String role, UUID scope) {
		return this.api.client()
			.delete()
			.uri("/api/v1/members/{id}/roles/{role}?scopeId={scope}", member, role, scope)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	private void leave(Person member) {
		this.api.client()
			.patch()
			.uri("/api/v1/members/{id}", member.id())
			.headers((headers) -> headers.setBearerAuth(this.district.secretaryA.token()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "LEFT"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void logout(String refreshToken) {
		this.api.anonymousPost("/api/v1/auth/logout")
			.bodyValue(Map.of("refreshToken", refreshToken))
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	private WebTestClient.ResponseSpec refresh(String refreshToken) {
		return this.api.anonymousPost("/api/v1/auth/refresh")
			.bodyValue(Map.of("refreshToken", refreshToken))
			.exchange();
	}

	private void assertRefusedEverywhereSoon(String accessToken) {
		org.awaitility.Awaitility.await().atMost(EVERYWHERE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			assertRefused(this.client, accessToken);
			assertRefused(second.client(), accessToken);
		});
	}

	private static void assertRefused(WebTestClient client, String accessToken) {
		client.get()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	private static void assertAccepted(WebTestClient client, String accessToken) {
		client.get()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBearerAuth(accessToken))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** A token of ours for the member, well signed but expired an hour ago. */
	private String expiredToken(UUID memberId) {
		Instant issued = Instant.now().minus(Duration.ofHours(2));
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("party")
			.audience(List.of("party-app"))
			.subject(memberId.toString())
			.issuedAt(issued)
			.expiresAt(issued.plus(Duration.ofHours(1)))
			.claim("sid", UUID.randomUUID().toString())
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
		return this.context.getBean(JwtEncoder.class).encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	private static void together(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
