package cn.partybuilding.test;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Talks to the application as an app would: logs in, then sends requests with the bearer
 * token. Each instance poses as its own client address (through {@code X-Forwarded-For},
 * trusted in tests), so throttling by address in one test does not spill into another.
 */
public final class Api {

	public static final String ADMIN_PHONE = "19900000000";

	public static final String ADMIN_PASSWORD = "Admin#Test2026";

	/** A JSON object as a map. */
	public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final AtomicLong PHONES = new AtomicLong(ThreadLocalRandom.current().nextLong(0, 500_000_000L));

	private final WebTestClient client;

	private final String address;

	public Api(WebTestClient client) {
		this.client = client;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	/**
	 * A mobile number no test has used in this run (invented: the 166 range is kept for
	 * tests).
	 */
	public static String newPhone() {
		return "166" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000L);
	}

	public WebTestClient client() {
		return this.client;
	}

	public String address() {
		return this.address;
	}

	/** Logs in with a password and returns the whole token response. */
	public Map<String, Object> tokens(String phone, String password) {
		return this.client.post()
			.uri("/api/v1/auth/login")
			.header("X-Forwarded-For", this.address)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("phone", phone, "password", password))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
	}

	public String login(String phone, String password) {
		return (String) tokens(phone, password).get("accessToken");
	}

	public String loginAsAdmin() {
		return login(ADMIN_PHONE, ADMIN_PASSWORD);
	}

	public WebTestClient.RequestHeadersSpec<?> get(String token, String uri, Object... variables) {
		return this.client.get().uri(uri, variables).headers((headers) -> {
			headers.setBearerAuth(token);
			headers.set("X-Forwarded-For", this.address);
		});
	}

	/** GETs {@code uri} as the holder of {@code token}, expecting 200: the JSON body. */
	public Map<String, Object> getJson(String token, String uri, Object... variables) {
		return get(token, uri, variables).exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	public WebTestClient.RequestBodySpec post(String token, String uri, Object... variables) {
		return this.client.post().uri(uri, variables).headers((headers) -> {
			headers.setBearerAuth(token);
			headers.set("X-Forwarded-For", this.address);
		}).contentType(MediaType.APPLICATION_JSON);
	}

	public WebTestClient.RequestBodySpec anonymousPost(String uri, Object... variables) {
		return this.client.post()
			.uri(uri, variables)
			.header("X-Forwarded-For", this.address)
			.contentType(MediaType.APPLICATION_JSON);
	}

}
