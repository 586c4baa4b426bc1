package cn.partybuilding.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error is an RFC 9457 problem with a stable code, a request id and a localized
 * title; nothing a client sends yields a 500, and a real 500 reveals nothing of the
 * server's insides.
 */
@IntegrationTest
class ProblemIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	Api api;

	String token;

	@BeforeEach
	void logIn() {
		this.token = this.api.loginAsAdmin();
	}

	@Test
	void malformedJsonIsA400NamingTheBodyWithLineAndColumn() {
		Map<String, Object> problem = postRaw("{\"label\": \"x\", ", MediaType.APPLICATION_JSON, 400);
		assertThat(problem).containsEntry("code", "MALFORMED_REQUEST").containsEntry("title", "请求格式错误");
		assertThat(errors(problem)).singleElement().satisfies((error) -> {
			assertThat(error).containsEntry("field", "body");
			assertThat((String) error.get("message")).contains("JSON");
		});
	}

	@Test
	void aValueOfTheWrongTypeIsA400NamingTheField() {
		Map<String, Object> problem = postRaw("{\"label\":\"x\",\"colour\":\"RED\",\"count\":\"many\"}",
				MediaType.APPLICATION_JSON, 400);
		assertThat(problem).containsEntry("code", "VALIDATION_FAILED");
		assertThat(errors(problem)).extracting((error) -> error.get("field")).containsExactly("count");
	}

	@Test
	void anUnknownEnumValueIsA400ListingTheAllowedValues() {
		Map<String, Object> problem = postRaw("{\"label\":\"x\",\"colour\":\"BLUE\"}", MediaType.APPLICATION_JSON, 400);
		assertThat(errors(problem)).singleElement().satisfies((error) -> {
			assertThat(error).containsEntry("field", "colour");
			assertThat((String) error.get("message")).contains("RED").contains("GREEN");
		});
	}

	@Test
	void missingFieldsAreA400ListingEveryOne() {
		Map<String, Object> problem = postRaw("{}", MediaType.APPLICATION_JSON, 400);
		assertThat(problem).containsEntry("code", "VALIDATION_FAILED");
		assertThat(errors(problem)).extracting((error) -> error.get("field"))
			.containsExactlyInAnyOrder("label", "colour");
		assertThat(errors(problem)).allSatisfy((error) -> assertThat(error.get("message")).isEqualTo("不能为空"));
	}

	@Test
	void aMissingBodyIsA400() {
		Map<String, Object> problem = postRaw("", MediaType.APPLICATION_JSON, 400);
		assertThat(errors(problem)).extracting((error) -> error.get("field")).containsExactly("body");
	}

	@Test
	void englishTextsOnAcceptLanguageEnglishWithTheSameCode() {
		Map<String, Object> problem = this.api.post(this.token, "/api/v1/probe/items")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9")
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(PROBLEM)
			.returnResult()
			.getResponseBody();
		assertThat(problem).containsEntry("code", "VALIDATION_FAILED").containsEntry("title", "Invalid request");
		assertThat(errors(problem))
			.allSatisfy((error) -> assertThat(error.get("message")).isEqualTo("must not be empty"));
	}

	@Test
	void anUnknownPathIsA404Problem() {
		Map<String, Object> problem = this.api.get(this.token, "/api/v1/no-such-thing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(PROBLEM)
			.returnResult()
			.getResponseBody();
		assertThat(problem).containsEntry("code", "NOT_FOUND")
			.containsEntry("status", 404)
			.containsEntry("instance", "/api/v1/no-such-thing")
			.containsEntry("type", "https://partybuilding.cn/problems/not-found");
	}

	@Test
	void anIdThatCannotBeOneIsA404() {
		assertProblem(this.api.get(this.token, "/api/v1/probe/items/not-an-id").exchange(), 404, "NOT_FOUND");
	}

	@Test
	void aWrongMethodIsA405SayingWhatIsAllowed() {
		assertProblem(
				this.client.delete()
					.uri("/api/v1/probe/items")
					.headers((headers) -> headers.setBearerAuth(this.token))
					.exchange()
					.expectHeader()
					.value(HttpHeaders.ALLOW, (allow) -> assertThat(allow).contains("GET").contains("POST")),
				405, "METHOD_NOT_ALLOWED");
	}

	@Test
	void anUnsupportedMediaTypeIsA415() {
		Map<String, Object> problem = postRaw("label=x", MediaType.TEXT_PLAIN, 415);
		assertThat(problem).containsEntry("code", "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void aBodyAnnouncedOverOneMebibyteIsA413() {
		byte[] body = new byte[1024 * 1024 + 1];
		java.util.Arrays.fill(body, (byte) ' ');
		assertProblem(this.api.post(this.token, "/api/v1/probe/items").bodyValue(body).exchange(), 413,
				"PAYLOAD_TOO_LARGE");
	}

	@Test
	void aStreamedBodyOverOneMebibyteIsA413() {
		byte[] chunk = new byte[64 * 1024];
		java.util.Arrays.fill(chunk, (byte) ' ');
		Flux<DataBuffer> body = Flux.range(0, 20).map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));
		assertProblem(this.api.post(this.token, "/api/v1/probe/items").body(body, DataBuffer.class).exchange(), 413,
				"PAYLOAD_TOO_LARGE");
	}

	@Test
	void aRealServerErrorIsA500ThatRevealsNothing() {
		String body = this.api.get(this.token, "/api/v1/probe/boom")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"code\":\"INTERNAL_ERROR\"")
			.contains("requestId")
			.doesNotContain("secret")
			.doesNotContain("com.example")
			.doesNotContain("Exception")
			.doesNotContain("trace");
	}

	@Test
	void noDatabaseConnectionForATransactionIsA503NotA500() {
		assertProblem(this.api.get(this.token, "/api/v1/probe/no-connection").exchange(), 503, "SERVICE_UNAVAILABLE");
	}

	@Test
	void theRequestIdOfTheProblemIsTheOneTheClientSent() {
		this.api.get(this.token, "/api/v1/no-such-thing")
			.header("X-Request-Id", "app-4f1c2b9e")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "app-4f1c2b9e")
			.expectBody()
			.jsonPath("$.requestId")
			.isEqualTo("app-4f1c2b9e");
	}

	private Map<String, Object> postRaw(String body, MediaType type, int status) {
		return this.api.post(this.token, "/api/v1/probe/items")
			.contentType(type)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(PROBLEM)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> errors(Map<String, Object> problem) {
		return (List<Map<String, Object>>) problem.get("errors");
	}

	static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> PROBLEM = new org.springframework.core.ParameterizedTypeReference<>() {
	};

}
