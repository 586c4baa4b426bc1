package cn.partybuilding.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.BaseFixtures;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestActivities;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;
import cn.partybuilding.test.TestVolunteering;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every endpoint that reaches into an org unit, as three outsiders of branch A: a
 * plain member of branch A (who may read their branch but change nothing), the secretary
 * of another subtree's branch and the org admin of another subtree (who must get 404,
 * never a hint of what exists). A new endpoint must be added to the table (or declared
 * scope-free): the walk fails while one is missing.
 */
@IntegrationTest
class ScopeIntegrationTests {

	/**
	 * Paths that are the caller's own or not in any org (logging in, /me, public keys).
	 */
	static final List<String> SCOPE_FREE = List.of("/api/v1/auth/", "/api/v1/me", "/api/v1/.well-known/",
			"/.well-known/", "/api/v1/probe/", "/api/v1/admin/",
			// The rule book and recalculations are the whole installation's, changed by
			// administrators only.
			"/api/v1/points/rules", "/api/v1/points/recalculations",
			// The audit log is scoped by role, not by a unit in the path
			// (AuditIntegrationTests).
			"/api/v1/audit-log");

	@Autowired
	WebTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestDistrict district;

	@Autowired
	Api api;

	@Autowired
	TestActivities activities;

	@Autowired
	TestVolunteering volunteering;

	@Autowired
	BaseFixtures bases;

	UUID activityOfBranchA;

	UUID leaveOfBranchA;

	UUID claimOfBranchA;

	/** A base administered by the district's committee. */
	String base;

	/** A pending reservation of branch A at the base. */
	String reservation;

	UUID projectOfBranchA;

	UUID signupOfBranchA;

	UUID postOfBranchA;

	@BeforeEach
	void setUp() {
		this.activityOfBranchA = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 90);
		this.leaveOfBranchA = UUID.fromString((String) this.api
			.post(this.district.memberA2.token(), "/api/v1/activities/{id}/leave-requests", this.activityOfBranchA)
			.bodyValue(Map.of("reason", "出差"))
			.exchange()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id"));
		this.claimOfBranchA = UUID
			.fromString((String) this.api.post(this.district.memberA2.token(), "/api/v1/points/claims")
				.bodyValue(Map.of("ruleCode", "COMMENDATION", "occurredOn", java.time.LocalDate.now().toString(),
						"description", "获评优秀志愿者"))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Api.JSON)
				.returnResult()
				.getResponseBody()
				.get("id"));
		this.base = (String) this.bases.createBase().get("id");
		this.reservation = (String) this.bases
			.booked(this.district.secretaryA.token(), this.bases.booking(this.base, BaseFixtures.at(3, "09:00"), 5))
			.get("id");

		this.projectOfBranchA = this.volunteering.publish(this.district.secretaryA.token(), this.district.branchA, 60,
				120, 5);
		this.signupOfBranchA = this.volunteering.signUp(this.district.memberA2.token(), this.projectOfBranchA);
		this.postOfBranchA = UUID.fromString((String) this.api
			.post(this.district.secretaryA.token(), "/api/v1/orgs/{id}/posts", this.district.branchA)
			.bodyValue(Map.of("name", "政策宣传岗", "duties", "向居民宣传政策"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id"));
	}

	List<Endpoint> endpoints() {
		TestDistrict d = this.district;
		List<Endpoint> endpoints = new ArrayList<>();
		endpoints.add(Endpoint.get("/api/v1/orgs/{id}", d.branchA).allowedToMember());
		endpoints.add(Endpoint.get("/api/v1/orgs/{id}/children", d.community));
		endpoints.add(Endpoint.get("/api/v1/orgs/{id}/members", d.branchA).allowedToMember());
		endpoints.add(Endpoint.post("/api/v1/orgs",
				Map.of("parentId", d.community.toString(), "name", "新支部", "type", "BRANCH")));
		endpoints.add(Endpoint.get("/api/v1/members/{id}", d.memberA2.id()).allowedToMember());
		endpoints.add(Endpoint.patch("/api/v1/members/{id}", d.memberA2.id(), Map.of("category", "RETIRED")));
		endpoints.add(Endpoint.post("/api/v1/members",
				Map.of("branchId", d.branchA.toString(), "name", "新人", "phone", "16699999999", "gender", "MALE",
						"birthDate", "1990-01-01", "joinedPartyOn", "2015-01-01", "category", "IN_SERVICE")));
		endpoints.add(Endpoint.post("/api/v1/orgs/{id}/members:import", d.community,
				"name,phone,gender,birthDate,joinedPartyOn,category,branchId\n", MediaType.parseMediaType("text/csv")));
		endpoints.add(Endpoint.post("/api/v1/members/{id}/roles", d.memberA2.id(),
				Map.of("role", "SECRETARY", "scopeId", d.branchA.toString())));
		endpoints.add(Endpoint.delete("/api/v1/members/{id}/roles/{role}", d.secretaryA.id(), "SECRETARY")
			.withQuery("scopeId=" + d.branchA));
		UUID activity = this.activityOfBranchA;
		// A member's activity is a proposal awaiting the secretary's approval.
		endpoints
			.add(Endpoint.post("/api/v1/activities", TestActivities.body(d.branchA, 60, List.of("QR"), "THEME_DAY"))
				.allowedToMember());
		endpoints.add(Endpoint.get("/api/v1/activities/{id}", activity).allowedToMember());
		endpoints.add(Endpoint.post("/api/v1/activities/{id}/approve", activity, null));
		endpoints.add(Endpoint.post("/api/v1/activities/{id}/reject", activity, Map.of("reason", "x")));
		endpoints.add(Endpoint.post("/api/v1/activities/{id}/cancel", activity, null));
		endpoints.add(Endpoint.get("/api/v1/orgs/{id}/activities", d.branchA).allowedToMember());
		endpoints.add(Endpoint.get("/api/v1/activities/{id}/checkin-code", activity));
		endpoints.add(Endpoint.post("/api/v1/activities/{id}/checkins:manual", activity,
				Map.of("memberId", d.memberA2.id().toString(), "reason", "x")));
		endpoints.add(Endpoint.get("/api/v1/activities/{id}/attendance", activity));
		endpoints.add(Endpoint.get("/api/v1/activities/{id}/leave-requests", activity));
		endpoints.add(Endpoint.post("/api/v1/leave-requests/{id}/approve", this.leaveOfBranchA, null));
		endpoints.add(Endpoint.post("/api/v1/leave-requests/{id}/reject", this.leaveOfBranchA, Map.of("reason", "x")));
		endpoints.add(Endpoint.put("/api/v1/activities/{id}/minutes", activity,
				Map.of("recorderId", d.memberA2.id().toString(), "content", "x")));
		endpoints.add(Endpoint.get("/api/v1/activities/{id}/minutes", activity));
		endpoints.add(Endpoint.post("/api/v1/activities/{id}/minutes/sign", activity, null));
		endpoints.add(Endpoint.get("/api/v1/orgs/{id}/political-birthdays", d.branchA)
			.withQuery("from=2026-01-01&to=2026-12-31"));
		endpoints.add(Endpoint.get("/api/v1/members/{id}/points/entries", d.memberA2.id()));
		endpoints.add(Endpoint.post("/api/v1/points/adjustments",
				Map.of("memberId", d.memberA2.id().toString(), "points", 1, "reason", "x")));
		endpoints.add(Endpoint.get("/api/v1/points/claims/{id}", this.claimOfBranchA));
		endpoints.add(Endpoint.post("/api/v1/points/claims/{id}/approve", this.claimOfBranchA, null));
		endpoints.add(Endpoint.post("/api/v1/points/claims/{id}/reject", this.claimOfBranchA, Map.of("reason", "x")));
		endpoints.add(Endpoint.get("/api/v1/orgs/{id}/leaderboard", d.branchA).allowedToMember());
		endpoints.add(Endpoint.post("/api/v1/orgs/{id}/evaluation", d.branchA, null).withQuery("year=2026"));
		endpoints.add(Endpoint.get("/api/v1/orgs/{id}/evaluation", d.branchA).withQuery("year=2026"));
		endpoints.addAll(baseEndpoints());

		// volunteer service: running a project is its unit's; checking in and out is the
		// volunteer's own.
		UUID project = this.projectOfBranchA;
		UUID signup = this.signupOfBranchA;
		endpoints.add(Endpoint.post("/api/v1/volunteer/projects", TestVolunteering.body(d.branchA, 60, 60, 3, true)));
		endpoints.add(Endpoint.post("/api/v1/volunteer/projects/{id}/close", project, null));
		endpoints.add(Endpoint.post("/api/v1/volunteer/projects/{id}/cancel", project, null));
		endpoints.add(Endpoint.get("/api/v1/volunteer/projects/{id}/signups", project));
		endpoints.add(Endpoint.post("/api/v1/volunteer/signups/{id}/checkin", signup,
				Map.of("lat", TestActivities.LAT, "lng", TestActivities.LNG)));
		endpoints.add(Endpoint.post("/api/v1/volunteer/signups/{id}/checkout", signup,
				Map.of("lat", TestActivities.LAT, "lng", TestActivities.LNG)));
		endpoints.add(Endpoint.post("/api/v1/volunteer/signups/{id}/cancel", signup, null));
		endpoints.add(Endpoint.post("/api/v1/volunteer/signups/{id}/makeup", signup,
				Map.of("checkedOutAt", java.time.Instant.now().toString(), "reason", "x")));
		endpoints.add(Endpoint.post("/api/v1/volunteer/signups/{id}/approve", signup, Map.of("hours", 1)));
		endpoints.add(Endpoint.post("/api/v1/volunteer/honor-hours",
				Map.of("memberId", d.memberA2.id().toString(), "hours", 1, "reason", "x")));
		endpoints.add(Endpoint.post("/api/v1/orgs/{id}/posts", d.branchA, Map.of("name", "x", "duties", "y")));
		endpoints.add(Endpoint.get("/api/v1/orgs/{id}/posts", d.branchA).allowedToMember());
		endpoints.add(Endpoint.post("/api/v1/posts/{id}/assign", this.postOfBranchA,
				Map.of("memberId", d.memberA2.id().toString())));
		return endpoints;
	}

	/**
	 * Bases are open to every member; reservations belong to the booking branch (and the
	 * base).
	 */
	List<Endpoint> baseEndpoints() {
		TestDistrict d = this.district;
		Map<String, Object> bookingBody = this.bases.booking(this.base, BaseFixtures.at(3, "10:00"), 2);
		return List.of(Endpoint.get("/api/v1/bases").open(), Endpoint.get("/api/v1/bases/{id}", this.base).open(),
				Endpoint.get("/api/v1/bases/{id}/availability", this.base).open(),
				Endpoint.post("/api/v1/bases", BaseFixtures.baseBody(d.community)),
				Endpoint.put("/api/v1/bases/{id}", this.base, BaseFixtures.baseBody(d.committee)),
				Endpoint.post("/api/v1/reservations", bookingBody),
				Endpoint.get("/api/v1/reservations").withQuery("orgId=" + d.branchA).allowedToMember(),
				Endpoint.get("/api/v1/reservations/{id}", this.reservation).allowedToMember(),
				Endpoint.post("/api/v1/reservations/{id}/approve", this.reservation, Map.of()),
				Endpoint.post("/api/v1/reservations/{id}/reject", this.reservation, Map.of("reason", "已满")),
				Endpoint.post("/api/v1/reservations/{id}/cancel", this.reservation, Map.of()),
				Endpoint.post("/api/v1/reservations/{id}/complete", this.reservation,
						Map.of("attendeeMemberIds", List.of(d.memberA2.id().toString()))),
				Endpoint.get("/api/v1/bases/{id}/checkin-code", this.base),
				// Branch A's members may check in to its reservations: this one is
				// pending, so the member is told so.
				Endpoint
					.post("/api/v1/reservations/{id}/checkins", this.reservation,
							Map.of("code", "ABCDEFGHJK", "lat", BaseFixtures.LAT, "lng", BaseFixtures.LNG))
					.refusedToMemberByRule());
	}

	/**
	 * Volunteering is open across branches by design (members serve where they live,
	 * 双报到): every member reads every project and may sign up for it. Running a project
	 * stays with its unit (walked above).
	 */
	static final List<String> OPEN_TO_EVERY_MEMBER = List.of("GET /api/v1/volunteer/projects",
			"GET /api/v1/volunteer/projects/{id}", "POST /api/v1/volunteer/projects/{id}/signups");

	/**
	 * Endpoints whose outsiders are refused with a domain code rather than 404, because
	 * the member acts on themselves: checking in and asking for leave say NOT_INVITED
	 * only to someone who can see the activity.
	 */
	static final List<String> SELF_SERVICE = List.of("POST /api/v1/activities/{id}/checkins",
			"POST /api/v1/activities/{id}/leave-requests", "POST /api/v1/points/claims", "GET /api/v1/points/claims");

	@Test
	void everyEndpointIntoAnOrgIsWalked() {
		Set<String> walked = new TreeSet<>();
		endpoints().forEach((endpoint) -> walked.add(endpoint.method() + " " + endpoint.pattern()));
		walked.addAll(SELF_SERVICE);
		walked.addAll(OPEN_TO_EVERY_MEMBER);
		Set<String> missing = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("cn.partybuilding")) {
				return;
			}
			info.getPatternsCondition()
				.getPatterns()
				.forEach((pattern) -> info.getMethodsCondition().getMethods().forEach((method) -> {
					String path = pattern.getPatternString();
					String key = method + " " + path;
					if (SCOPE_FREE.stream().noneMatch(path::startsWith) && !walked.contains(key)) {
						missing.add(key);
					}
				}));
		});
		assertThat(missing).as("endpoints not walked by this test").isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void outsidersOfTheSubtreeFindNothingAndLearnNothing() {
		for (Endpoint endpoint : endpoints()) {
			for (Person outsider : List.of(this.district.foreignSecretary, this.district.foreignOrgAdmin)) {
				EntityExchangeResult<byte[]> result = call(endpoint, outsider);
				if (endpoint.openToAll()) {
					assertThat(result.getStatus().value())
						.as("%s %s (open to all) as %s", endpoint.method(), endpoint.pattern(),
								outsider.phone().substring(0, 3))
						.isEqualTo(200);
					continue;
				}
				assertThat(result.getStatus().value())
					.as("%s %s as %s", endpoint.method(), endpoint.pattern(), outsider.phone().substring(0, 3))
					.isEqualTo(404);
				// The answer is the plain "not found" anything unknown gets: it names
				// what the caller sent, no more.
				Map<String, Object> problem = this.json.readValue(result.getResponseBodyContent(), Map.class);
				assertThat(problem.keySet()).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance",
						"code", "requestId");
				assertThat(problem).containsEntry("code", "NOT_FOUND");
				problem.remove("instance");
				assertThat(problem.toString()).doesNotContain(this.district.branchA.toString())
					.doesNotContain(this.district.memberA2.id().toString())
					.doesNotContain("甲");
			}
		}
	}

	@Test
	void membersOfAnotherSubtreeReadBranchAsProjectsAndSignUpButRunNothing() {
		String outsider = this.district.foreignMember.token();
		this.api.get(outsider, "/api/v1/volunteer/projects/{id}", this.projectOfBranchA)
			.exchange()
			.expectStatus()
			.isOk();
		this.api.get(outsider, "/api/v1/volunteer/projects?orgId={org}", this.district.branchA)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo(this.projectOfBranchA.toString());
		this.api.post(outsider, "/api/v1/volunteer/projects/{id}/signups", this.projectOfBranchA)
			.exchange()
			.expectStatus()
			.isCreated();
		this.api.get(outsider, "/api/v1/volunteer/projects/{id}/signups", this.projectOfBranchA)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void theAdministrationOfJobsIsTheSystemAdministratorsAlone() {
		for (Person person : List.of(this.district.memberA, this.district.secretaryA, this.district.orgAdmin,
				this.district.foreignOrgAdmin)) {
			this.client.post()
				.uri("/api/v1/admin/jobs/absence-marking/runs")
				.headers((headers) -> headers.setBearerAuth(person.token()))
				.bodyValue(Map.of("date", "2026-01-01"))
				.exchange()
				.expectStatus()
				.isForbidden();
			this.client.get()
				.uri("/api/v1/admin/jobs/absence-marking/runs/{id}", UUID.randomUUID())
				.headers((headers) -> headers.setBearerAuth(person.token()))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
	}

	@Test
	void aMemberReadsTheirBranchAndProposesButDecidesNothing() {
		for (Endpoint endpoint : endpoints()) {
			int status = call(endpoint, this.district.memberA).getStatus().value();
			if (endpoint.memberMay()) {
				assertThat(status).as("%s %s", endpoint.method(), endpoint.pattern()).isBetween(200, 299);
			}
			else if (endpoint.memberRefusedByRule()) {
				assertThat(status).as("%s %s", endpoint.method(), endpoint.pattern()).isEqualTo(422);
			}
			else {
				assertThat(status).as("%s %s", endpoint.method(), endpoint.pattern()).isIn(403, 404);
			}
		}
	}

	private EntityExchangeResult<byte[]> call(Endpoint endpoint, Person person) {
		WebTestClient.RequestBodySpec request = this.client.method(endpoint.method())
			.uri(endpoint.pattern() + (endpoint.query().isEmpty() ? "" : "?" + endpoint.query()), endpoint.variables())
			.headers((headers) -> {
				headers.setBearerAuth(person.token());
				// Check-ins name the phone they come from; other endpoints ignore it.
				headers.set("X-Device-Id", "scope-walk-" + person.phone());
			});
		WebTestClient.RequestHeadersSpec<?> withBody = (endpoint.body() != null)
				? request.contentType(endpoint.contentType()).bodyValue(endpoint.body()) : request;
		return withBody.exchange().expectBody().returnResult();
	}

	/**
	 * One endpoint, called with the district's resources.
	 *
	 * @param method the method
	 * @param pattern the path as mapped
	 * @param variables values of the path's variables
	 * @param body the body, if any
	 * @param contentType the body's type
	 * @param memberMay whether a plain member of branch A may do it (reading their
	 * branch, proposing)
	 * @param query a query string the endpoint needs
	 * @param openToAll whether everyone authenticated may call it by design (outsiders
	 * get a 200 too)
	 * @param memberRefusedByRule whether a plain member of branch A may do it, but not
	 * with the walk's resource as it is, and is told so with a 422 (checking in to a
	 * reservation still pending)
	 */
	record Endpoint(HttpMethod method, String pattern, Object[] variables, @Nullable Object body, MediaType contentType,
			boolean memberMay, String query, boolean openToAll, boolean memberRefusedByRule) {

		Endpoint(HttpMethod method, String pattern, Object[] variables, @Nullable Object body, MediaType contentType,
				boolean memberMay) {
			this(method, pattern, variables, body, contentType, memberMay, "", false, false);
		}

		Endpoint withQuery(String query) {
			return new Endpoint(this.method, this.pattern, this.variables, this.body, this.contentType, this.memberMay,
					query, this.openToAll, this.memberRefusedByRule);
		}

		/**
		 * Everyone authenticated may call it by design: outsiders get a 200 too (the base
		 * catalog).
		 */
		Endpoint open() {
			return new Endpoint(this.method, this.pattern, this.variables, this.body, this.contentType, true,
					this.query, true, false);
		}

		Endpoint refusedToMemberByRule() {
			return new Endpoint(this.method, this.pattern, this.variables, this.body, this.contentType, false,
					this.query, this.openToAll, true);
		}

		static Endpoint get(String pattern, Object... variables) {
			return new Endpoint(HttpMethod.GET, pattern, variables, null, MediaType.APPLICATION_JSON, false);
		}

		static Endpoint post(String pattern, Object body) {
			return new Endpoint(HttpMethod.POST, pattern, new Object[0], body, MediaType.APPLICATION_JSON, false);
		}

		static Endpoint post(String pattern, Object variable, @Nullable Object body) {
			return new Endpoint(HttpMethod.POST, pattern, new Object[] { variable }, body, MediaType.APPLICATION_JSON,
					false);
		}

		static Endpoint post(String pattern, Object variable, Object body, MediaType type) {
			return new Endpoint(HttpMethod.POST, pattern, new Object[] { variable }, body, type, false);
		}

		static Endpoint delete(String pattern, Object... variables) {
			return new Endpoint(HttpMethod.DELETE, pattern, variables, null, MediaType.APPLICATION_JSON, false);
		}

		static Endpoint put(String pattern, Object variable, Object body) {
			return new Endpoint(HttpMethod.PUT, pattern, new Object[] { variable }, body, MediaType.APPLICATION_JSON,
					false);
		}

		static Endpoint patch(String pattern, Object variable, Object body) {
			return new Endpoint(HttpMethod.PATCH, pattern, new Object[] { variable }, body, MediaType.APPLICATION_JSON,
					false);
		}

		Endpoint allowedToMember() {
			return new Endpoint(this.method, this.pattern, this.variables, this.body, this.contentType, true,
					this.query, this.openToAll, false);
		}

	}

}
