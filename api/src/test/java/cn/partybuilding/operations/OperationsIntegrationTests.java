package cn.partybuilding.operations;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health, metrics and the API documentation, as operators and app developers find them.
 */
@IntegrationTest
class OperationsIntegrationTests {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient client;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestDistrict district;

	@Autowired
	Api api;

	@Test
	void healthLivenessAndReadinessArePublicAndReadinessCoversTheDatabaseAndRedis() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		String admin = this.api.loginAsAdmin();
		this.client.get()
			.uri("/actuator/health/readiness")
			.headers((headers) -> headers.setBearerAuth(admin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.redis.status")
			.isEqualTo("UP");
	}

	@Test
	void healthShowsWhatTheInstanceIsMadeOfOnlyToTheSystemAdministrator() {
		for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP")
				.jsonPath("$.components")
				.doesNotExist()
				.jsonPath("$.details")
				.doesNotExist();
		}
		TestDistrict d = this.district;
		for (TestDistrict.Person notAdmin : List.of(d.memberA, d.secretaryA, d.orgAdmin)) {
			this.client.get()
				.uri("/actuator/health")
				.headers((headers) -> headers.setBearerAuth(notAdmin.token()))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.components")
				.doesNotExist();
		}
		this.client.get()
			.uri("/actuator/health")
			.headers((headers) -> headers.setBearerAuth(d.sysAdmin.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.r2dbc.details.database")
			.isEqualTo("PostgreSQL");
	}

	@Test
	void metricsAreForTheSystemAdministrator() {
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		String token = this.api.loginAsAdmin();
		// Every endpoint's requests by status and exception: more than the client's
		// default 256 KB once the fuzzer ran.
		String metrics = this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("jvm_memory_used_bytes").contains("http_server_requests");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theApiDocumentDescribesEveryEndpointWithItsSecurityAndProblems() {
		Map<String, Object> document = this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
		Set<String> missing = new TreeSet<>();
		this.mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().getBeanType().getPackageName().startsWith("cn.partybuilding"))
			.map(Map.Entry::getKey)
			.filter((info) -> !info.getPatternsCondition().getPatterns().toString().contains("/probe"))
			.forEach((info) -> info.getPatternsCondition()
				.getPatterns()
				.forEach((pattern) -> info.getMethodsCondition().getMethods().forEach((method) -> {
					Map<String, Object> path = paths.get(pattern.getPatternString());
					if (path == null || !path.containsKey(method.name().toLowerCase())) {
						missing.add(method + " " + pattern.getPatternString());
					}
				})));
		assertThat(missing).isEmpty();
		Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
			.get("securitySchemes");
		assertThat(schemes).containsKey("bearer");
		Map<String, Object> login = (Map<String, Object>) paths.get("/api/v1/auth/login").get("post");
		assertThat((Map<String, Object>) login.get("responses")).containsKeys("200", "400", "401", "429");
		assertThat(login).doesNotContainKey("security");
		Map<String, Object> logout = (Map<String, Object>) paths.get("/api/v1/auth/logout").get("post");
		// Logging out names the session by its refresh token: no access token needed (it
		// may have expired).
		assertThat(logout).doesNotContainKey("security");
		assertThat((Map<String, Object>) logout.get("responses")).containsKeys("204", "400");
	}

	@Test
	void theInteractiveDocumentationIsServed() {
		this.client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
		this.client.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

}
