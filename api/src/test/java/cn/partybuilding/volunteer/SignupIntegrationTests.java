package cn.partybuilding.volunteer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import cn.partybuilding.member.Gender;
import cn.partybuilding.member.MemberCategory;
import cn.partybuilding.member.Members;
import cn.partybuilding.member.NewMember;
import cn.partybuilding.org.OrgTree;
import cn.partybuilding.org.OrgType;
import cn.partybuilding.security.Role;
import cn.partybuilding.security.RoleGrant;
import cn.partybuilding.security.TokenIssuer;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestVolunteering;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing up: once per member (repeats get the same sign-up), never more than the places
 * even when hundreds press at the same moment, and a cancellation frees the place.
 */
@IntegrationTest
class SignupIntegrationTests {

	private static final String ACTIVE = "SELECT count(*) FROM volunteer_signups WHERE project_id = :id "
			+ "AND status <> 'CANCELLED'";

	private static final String TAKEN = "SELECT taken::bigint FROM volunteer_projects WHERE id = :id";

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	TestVolunteering volunteering;

	@Test
	void aMemberSignsUpOnceAndARepeatGetsTheSameSignupWithoutASecondPlace() {
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, 60, 60, 3);
		Map<String, Object> first = this.volunteering.json(signUp(this.district.memberA.token(), project), 201);
		assertThat(first).containsEntry("status", "SIGNED_UP")
			.containsEntry("projectId", project.toString())
			.containsEntry("memberId", this.district.memberA.id().toString())
			.containsKey("signedUpAt");
		Map<String, Object> again = this.volunteering.json(signUp(this.district.memberA.token(), project), 200);
		assertThat(again.get("id")).isEqualTo(first.get("id"));
		this.api.get(this.district.memberA.token(), "/api/v1/volunteer/projects/{id}", project)
			.exchange()
			.expectBody()
			.jsonPath("$.taken")
			.isEqualTo(1)
			.jsonPath("$.remaining")
			.isEqualTo(2);
		signUp(this.district.memberA.token(), Ids.newId()).expectStatus().isNotFound();
	}

	@Test
	void aFullProjectRefusesWithProjectFull() {
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, 60, 60, 1);
		signUp(this.district.memberA.token(), project).expectStatus().isCreated();
		assertProblem(signUp(this.district.memberA2.token(), project), 409, "PROJECT_FULL");
		// The one who holds the place still gets their sign-up.
		signUp(this.district.memberA.token(), project).expectStatus().isOk();
	}

	@Test
	void cancellingFreesThePlaceAndSigningUpAgainTakesItBack() {
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, 60, 60, 1);
		UUID signup = this.volunteering.signUp(this.district.memberA.token(), project);
		cancel(this.district.memberA2.token(), signup).expectStatus().isForbidden();
		cancel(this.district.foreignSecretary.token(), signup).expectStatus().isNotFound();
		Map<String, Object> cancelled = this.volunteering.json(cancel(this.district.memberA.token(), signup), 200);
		assertThat(cancelled).containsEntry("status", "CANCELLED");
		assertProblem(cancel(this.district.memberA.token(), signup), 409, "ILLEGAL_STATE");
		assertThat(this.volunteering.count(TAKEN, project)).isZero();
		UUID other = this.volunteering.signUp(this.district.memberA2.token(), project);
		signUp(this.district.memberA.token(), project).expectStatus().isEqualTo(409);
		// The secretary cancels for a member who cannot come.
		cancel(this.district.secretaryA.token(), other).expectStatus().isOk();
		Map<String, Object> back = this.volunteering.json(signUp(this.district.memberA.token(), project), 201);
		assertThat(back).containsEntry("id", signup.toString()).containsEntry("status", "SIGNED_UP");
		assertThat(this.volunteering.count(TAKEN, project)).isEqualTo(1)
			.isEqualTo(this.volunteering.count(ACTIVE, project));
		cancel(this.district.memberA.token(), Ids.newId()).expectStatus().isNotFound();
	}

	@Test
	void onceOnSiteASignupCannotBeCancelled() {
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, -10, 60, 3);
		UUID signup = this.volunteering.signUp(this.district.memberA.token(), project);
		this.volunteering.checkIn(this.district.memberA.token(), signup).expectStatus().isOk();
		cancel(this.district.memberA.token(), signup).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("CHECKED_IN");
	}

	@Test
	void onlyMembersVolunteer() {
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, 60, 60, 3);
		signUp(this.district.sysAdmin.token(), project).expectStatus().isForbidden();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theSecretarySeesTheSignupsPageByPageWithNames() {
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, 60, 60, 5);
		this.volunteering.signUp(this.district.memberA.token(), project);
		this.volunteering.signUp(this.district.memberB.token(), project);
		this.volunteering.signUp(this.district.foreignMember.token(), project);
		List<Map<String, Object>> signups = this.volunteering.all(this.district.secretaryA.token(),
				"/api/v1/volunteer/projects/" + project + "/signups", 2);
		assertThat(signups).extracting((item) -> item.get("memberName")).containsExactly("甲党员", "乙党员", "邻区党员");
		this.api.get(this.district.orgAdmin.token(), "/api/v1/volunteer/projects/{id}/signups", project)
			.exchange()
			.expectStatus()
			.isOk();
		this.api.get(this.district.memberA.token(), "/api/v1/volunteer/projects/{id}/signups", project)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.api.get(this.district.secretaryB.token(), "/api/v1/volunteer/projects/{id}/signups", project)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void threeHundredMembersPressSignUpAtOnceAndExactlyThePlacesAreTaken() {
		UUID branch = this.context.getBean(OrgTree.class)
			.add(Ids.newId(), this.district.community, "抢报名支部", OrgType.BRANCH, null)
			.block()
			.id();
		List<String> tokens = members(branch, 300);
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, 60, 60, 7);
		WebClient web = WebClient.create("http://localhost:" + this.port);
		List<Map.Entry<Integer, String>> answers = Flux.fromIterable(tokens)
			.flatMap(
					(token) -> web.post()
						.uri("/api/v1/volunteer/projects/{id}/signups", project)
						.headers((headers) -> headers.setBearerAuth(token))
						.exchangeToMono((response) -> response.bodyToMono(Api.JSON)
							.map((body) -> Map.entry(response.statusCode().value(), String.valueOf(body.get("code"))))),
					256)
			.collectList()
			.block(Duration.ofMinutes(2));
		assertThat(answers).hasSize(300);
		assertThat(answers).filteredOn((answer) -> answer.getKey() == 201).hasSize(7);
		assertThat(answers).filteredOn((answer) -> answer.getKey() != 201)
			.hasSize(293)
			.allSatisfy((answer) -> assertThat(answer).isEqualTo(Map.entry(409, "PROJECT_FULL")));
		assertThat(this.volunteering.count(ACTIVE, project)).isEqualTo(7);
		assertThat(this.volunteering.count(TAKEN, project)).isEqualTo(7);
	}

	@Test
	void fiftyParallelTapsOfOneMemberMakeOneSignupAndTakeOnePlace() {
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, 60, 60, 3);
		List<Integer> statuses = Flux.range(0, 50)
			.flatMap((i) -> Mono.fromCallable(
					() -> signUp(this.district.memberA.token(), project).returnResult(String.class).getStatus().value())
				.subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 50)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(statuses).containsOnly(200, 201);
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(this.volunteering.count(ACTIVE, project)).isEqualTo(1);
		assertThat(this.volunteering.count(TAKEN, project)).isEqualTo(1);
	}

	@Test
	void anIdempotencyKeyReplaysTheFirstAnswer() {
		UUID project = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, 60, 60, 3);
		String key = "signup-" + UUID.randomUUID();
		for (int i = 0; i < 2; i++) {
			this.api.post(this.district.memberA.token(), "/api/v1/volunteer/projects/{id}/signups", project)
				.header("Idempotency-Key", key)
				.exchange()
				.expectStatus()
				.isCreated();
		}
		assertThat(this.volunteering.count(TAKEN, project)).isEqualTo(1);
	}

	private List<String> members(UUID branch, int count) {
		Members members = this.context.getBean(Members.class);
		TokenIssuer issuer = this.context.getBean(TokenIssuer.class);
		List<NewMember> created = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			created.add(
					new NewMember(Ids.newId(), branch, "志愿者" + i, Api.newPhone(), Gender.MALE, LocalDate.of(1985, 1, 1),
							LocalDate.of(2010, 7, 1), LocalDate.of(2011, 7, 1), MemberCategory.IN_SERVICE, null));
		}
		Flux.fromIterable(created).flatMap(members::register, 8).blockLast(Duration.ofMinutes(2));
		return created.stream()
			.map((member) -> issuer
				.issue(member.id(), branch, List.of(new RoleGrant(Role.MEMBER, branch)), UUID.randomUUID())
				.value())
			.toList();
	}

	private WebTestClient.ResponseSpec signUp(String token, UUID project) {
		return this.api.post(token, "/api/v1/volunteer/projects/{id}/signups", project).exchange();
	}

	private WebTestClient.ResponseSpec cancel(String token, UUID signup) {
		return this.api.post(token, "/api/v1/volunteer/signups/{id}/cancel", signup).exchange();
	}

}
