package cn.partybuilding.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import cn.partybuilding.test.BaseFixtures;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every endpoint that reaches into an org unit, as three outsiders of branch A: a plain member of branch A (who
 * may read their branch but change nothing), the secretary of another subtree's branch and the org admin of another
 * subtree (who must get 404, never a hint of what exists). A new endpoint must be added to the table (or declared
 * scope-free): the walk fails while one is missing. Endpoints open to every member by design (reading the bases)
 * are walked too, and must answer outsiders with 200.
 */
@IntegrationTest
class ScopeIntegrationTests {

	/** Paths that are the caller's own or not in any org (logging in, /me, public keys). */
	static final List<String> SCOPE_FREE = List.of("/api/v1/auth/", "/api/v1/me", "/api/v1/.well-known/",
			"/.well-known/", "/api/v1/probe/");

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	JsonMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	TestDistrict district;

	/** A base administered by the district's committee. */
	String base;

	/** A pending reservation of branch A at the base. */
	String reservation;

	@BeforeEach
	void setUp() {
		this.district = TestDistrict.create(this.context, this.client);
		BaseFixtures bases = new BaseFixtures(this.client, this.district);
		this.base = (String) bases.createBase().get("id");
		this.reservation = (String) bases
			.booked(this.district.secretaryA.token(), bases.booking(this.base, BaseFixtures.at(3, "09:00"), 5))
			.get("id");
	}

	List<Endpoint> endpoints() {
		TestDistrict d = this.district;
		List<Endpoint> endpoints = new ArrayList<>();
		endpoints.add(Endpoint.get("/api/v1/orgs/{id}", d.branchA).readableByMember());
		endpoints.add(Endpoint.get("/api/v1/orgs/{id}/children", d.community));
		endpoints.add(Endpoint.get("/api/v1/orgs/{id}/members", d.branchA).readableByMember());
		endpoints.add(Endpoint.post("/api/v1/orgs", Map.of("parentId", d.community.toString(), "name", "新支部", "type",
				"BRANCH")));
		endpoints.add(Endpoint.get("/api/v1/members/{id}", d.memberA2.id()).readableByMember());
		endpoints.add(Endpoint.patch("/api/v1/members/{id}", d.memberA2.id(), Map.of("category", "RETIRED")));
		endpoints.add(Endpoint.post("/api/v1/members",
				Map.of("branchId", d.branchA.toString(), "name", "新人", "phone", "16699999999", "gender", "MALE",
						"birthDate", "1990-01-01", "joinedPartyOn", "2015-01-01", "category", "IN_SERVICE")));
		endpoints.add(Endpoint.post("/api/v1/orgs/{id}/members:import", d.community,
				"name,phone,gender,birthDate,joinedPartyOn,category,branchId\n", MediaType.parseMediaType("text/csv")));
		endpoints.add(Endpoint.post("/api/v1/members/{id}/roles", d.memberA2.id(),
				Map.of("role", "SECRETARY", "scopeId", d.branchA.toString())));
		endpoints.addAll(baseEndpoints());
		return endpoints;
	}

	/** Bases are open to every member; reservations belong to the booking branch (and the base). */
	List<Endpoint> baseEndpoints() {
		TestDistrict d = this.district;
		Map<String, Object> bookingBody = new BaseFixtures(this.client, d).booking(this.base,
				BaseFixtures.at(3, "10:00"), 2);
		return List.of(Endpoint.get("/api/v1/bases").open(),
				Endpoint.get("/api/v1/bases/{id}", this.base).open(),
				Endpoint.get("/api/v1/bases/{id}/availability", this.base).open(),
				Endpoint.post("/api/v1/bases", BaseFixtures.baseBody(d.community)),
				Endpoint.put("/api/v1/bases/{id}", this.base, BaseFixtures.baseBody(d.committee)),
				Endpoint.post("/api/v1/reservations", bookingBody),
				Endpoint.get("/api/v1/reservations").withQuery("orgId=" + d.branchA).readableByMember(),
				Endpoint.get("/api/v1/reservations/{id}", this.reservation).readableByMember(),
				Endpoint.post("/api/v1/reservations/{id}/approve", this.reservation, Map.of()),
				Endpoint.post("/api/v1/reservations/{id}/reject", this.reservation, Map.of("reason", "已满")),
				Endpoint.post("/api/v1/reservations/{id}/cancel", this.reservation, Map.of()),
				Endpoint.post("/api/v1/reservations/{id}/complete", this.reservation,
						Map.of("attendeeMemberIds", List.of(d.memberA2.id().toString()))));
	}

	@Test
	void everyEndpointIntoAnOrgIsWalked() {
		Set<String> walked = new TreeSet<>();
		endpoints().forEach((endpoint) -> walked.add(endpoint.method() + " " + endpoint.pattern()));
		Set<String> missing = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("cn.partybuilding")) {
				return;
			}
			info.getPatternsCondition().getPatterns().forEach((pattern) -> info.getMethodsCondition().getMethods()
				.forEach((method) -> {
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
					assertThat(result.getStatus().value()).as("%s %s (open to all) as %s", endpoint.method(),
							endpoint.pattern(), outsider.phone().substring(0, 3)).isEqualTo(200);
					continue;
				}
				assertThat(result.getStatus().value()).as("%s %s as %s", endpoint.method(), endpoint.pattern(),
						outsider.phone().substring(0, 3))
					.isEqualTo(404);
				// The answer is the plain "not found" anything unknown gets: it names what the caller sent, no more.
				Map<String, Object> problem = this.json.readValue(result.getResponseBodyContent(), Map.class);
				assertThat(problem.keySet()).containsExactlyInAnyOrder("type", "title", "status", "detail",
						"instance", "code", "requestId");
				assertThat(problem).containsEntry("code", "NOT_FOUND");
				problem.remove("instance");
				assertThat(problem.toString()).doesNotContain(this.district.branchA.toString())
					.doesNotContain(this.district.memberA2.id().toString())
					.doesNotContain("甲");
			}
		}
	}

	@Test
	void aMemberReadsTheirBranchButChangesNothing() {
		for (Endpoint endpoint : endpoints()) {
			int status = call(endpoint, this.district.memberA).getStatus().value();
			if (endpoint.memberMayRead()) {
				assertThat(status).as("%s %s", endpoint.method(), endpoint.pattern()).isEqualTo(200);
			}
			else {
				assertThat(status).as("%s %s", endpoint.method(), endpoint.pattern()).isIn(403, 404);
			}
		}
	}

	private EntityExchangeResult<byte[]> call(Endpoint endpoint, Person person) {
		String query = endpoint.query().isEmpty() ? "" : "?" + endpoint.query();
		WebTestClient.RequestBodySpec request = this.client.method(endpoint.method())
			.uri(endpoint.pattern() + query, endpoint.variables())
			.headers((headers) -> headers.setBearerAuth(person.token()));
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
	 * @param query a query string to send along, without the {@code ?}
	 * @param body the body, if any
	 * @param contentType the body's type
	 * @param memberMayRead whether a plain member of branch A gets a 200 (reading their own branch)
	 * @param openToAll whether everyone authenticated may call it by design (outsiders get a 200 too)
	 */
	record Endpoint(HttpMethod method, String pattern, Object[] variables, String query, @Nullable Object body,
			MediaType contentType, boolean memberMayRead, boolean openToAll) {

		static Endpoint get(String pattern, Object... variables) {
			return new Endpoint(HttpMethod.GET, pattern, variables, "", null, MediaType.APPLICATION_JSON, false,
					false);
		}

		static Endpoint post(String pattern, Object body) {
			return new Endpoint(HttpMethod.POST, pattern, new Object[0], "", body, MediaType.APPLICATION_JSON, false,
					false);
		}

		static Endpoint post(String pattern, Object variable, Object body) {
			return new Endpoint(HttpMethod.POST, pattern, new Object[] { variable }, "", body,
					MediaType.APPLICATION_JSON, false, false);
		}

		static Endpoint post(String pattern, Object variable, Object body, MediaType type) {
			return new Endpoint(HttpMethod.POST, pattern, new Object[] { variable }, "", body, type, false, false);
		}

		static Endpoint patch(String pattern, Object variable, Object body) {
			return new Endpoint(HttpMethod.PATCH, pattern, new Object[] { variable }, "", body,
					MediaType.APPLICATION_JSON, false, false);
		}

		static Endpoint put(String pattern, Object variable, Object body) {
			return new Endpoint(HttpMethod.PUT, pattern, new Object[] { variable }, "", body,
					MediaType.APPLICATION_JSON, false, false);
		}

		Endpoint withQuery(String query) {
			return new Endpoint(this.method, this.pattern, this.variables, query, this.body, this.contentType,
					this.memberMayRead, this.openToAll);
		}

		Endpoint readableByMember() {
			return new Endpoint(this.method, this.pattern, this.variables, this.query, this.body, this.contentType,
					true, this.openToAll);
		}

		Endpoint open() {
			return new Endpoint(this.method, this.pattern, this.variables, this.query, this.body, this.contentType,
					true, true);
		}

	}

}
