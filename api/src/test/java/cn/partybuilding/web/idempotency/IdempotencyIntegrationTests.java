package cn.partybuilding.web.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency-Key as API.md says: the first response replayed with nothing changed, 422
 * for another body, 409 while the first request still runs, keys scoped to the caller,
 * kept at least a day, stored with the effect.
 */
@IntegrationTest
class IdempotencyIntegrationTests {

	@Autowired
	DatabaseClient db;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	Api api;

	String token;

	@BeforeEach
	void setUp() {
		this.token = this.api.loginAsAdmin();
	}

	@Test
	void aRetryReplaysTheFirstResponseAndChangesNothing() {
		String key = UUID.randomUUID().toString();
		String label = "once-" + key;
		EntityExchangeResult<String> first = create(this.token, key, label, 0, false).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult();
		EntityExchangeResult<String> retry = create(this.token, key, label, 0, false).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(String.class)
			.returnResult();
		assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
		assertThat(count(label)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsA422() {
		String key = UUID.randomUUID().toString();
		create(this.token, key, "a-" + key, 0, false).expectStatus().isCreated();
		assertProblem(create(this.token, key, "b-" + key, 0, false), 422, "IDEMPOTENCY_KEY_REUSED");
		assertThat(count("b-" + key)).isZero();
	}

	@Test
	void theSameKeyWhileTheFirstRequestRunsIsA409ThenReplays() throws Exception {
		String key = UUID.randomUUID().toString();
		String label = "slow-" + key;
		CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(
				() -> create(this.token, key, label, 2000, false).returnResult(String.class).getStatus().value());
		Thread.sleep(700);
		assertProblem(create(this.token, key, label, 2000, false), 409, "IDEMPOTENCY_KEY_IN_USE");
		assertThat(slow.get()).isEqualTo(201);
		create(this.token, key, label, 2000, false).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true");
		assertThat(count(label)).isEqualTo(1);
	}

	@Test
	void keysBelongToTheirCaller() {
		String phone = Api.newPhone();
		UUID other = Ids.newId();
		this.passwords.hash("Other#2026")
			.flatMap((hash) -> this.accounts.create(other, phone, hash))
			.block(Duration.ofSeconds(10));
		String otherToken = this.api.login(phone, "Other#2026");
		String key = UUID.randomUUID().toString();
		String label = "shared-key-" + key;
		String mine = create(this.token, key, label, 0, false).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String theirs = create(otherToken, key, label, 0, false).expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist("Idempotent-Replayed")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(theirs).isNotEqualTo(mine);
		assertThat(count(label)).isEqualTo(2);
	}

	@Test
	void aFailedRequestLeavesNeitherItsEffectNorTheKey() {
		String key = UUID.randomUUID().toString();
		String label = "failing-" + key;
		create(this.token, key, label, 0, true).expectStatus().isEqualTo(409);
		assertThat(count(label)).isZero();
		assertThat(storedKeys(key)).isZero();
		// Nothing was kept, so the same key may carry the corrected request.
		create(this.token, key, label, 0, false).expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist("Idempotent-Replayed");
		assertThat(count(label)).isEqualTo(1);
	}

	@Test
	void responsesAreKeptADayAndStoredEncrypted() {
		String key = UUID.randomUUID().toString();
		String label = "kept-" + key;
		create(this.token, key, label, 0, false).expectStatus().isCreated();
		Map<String, Object> row = this.db
			.sql("SELECT created_at, expires_at, body FROM idempotency_keys WHERE key = :key")
			.bind("key", key)
			.fetch()
			.one()
			.block();
		assertThat(row).isNotNull();
		Duration kept = Duration.between((OffsetDateTime) row.get("created_at"),
				(OffsetDateTime) row.get("expires_at"));
		assertThat(kept).isGreaterThanOrEqualTo(Duration.ofHours(24));
		String stored = new String(toBytes(row.get("body")), StandardCharsets.ISO_8859_1);
		assertThat(stored).doesNotContain(label);
	}

	@Test
	void aKeyThatIsNotOneToTwoHundredFiftyFivePrintableCharactersIsA400() {
		for (String key : new String[] { "x".repeat(256), "tab\there" }) {
			this.api.post(this.token, "/api/v1/probe/items")
				.header("Idempotency-Key", key)
				.bodyValue(Map.of("label", "x", "colour", "RED"))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("Idempotency-Key");
		}
	}

	@Test
	void loginRetriedWithTheSameKeyReturnsTheSameTokens() {
		String key = UUID.randomUUID().toString();
		Map<String, String> body = Map.of("phone", Api.ADMIN_PHONE, "password", Api.ADMIN_PASSWORD);
		String first = this.api.anonymousPost("/api/v1/auth/login")
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String again = this.api.anonymousPost("/api/v1/auth/login")
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(again).isEqualTo(first);
	}

	private WebTestClient.ResponseSpec create(String token, String key, String label, long delayMillis, boolean fail) {
		return this.api.post(token, "/api/v1/probe/items")
			.header("Idempotency-Key", key)
			.bodyValue(Map.of("label", label, "colour", "RED", "delayMillis", delayMillis, "failAfterInsert", fail))
			.exchange();
	}

	private long count(String label) {
		return this.db.sql("SELECT count(*) AS n FROM probe_items WHERE label = :label")
			.bind("label", label)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	private long storedKeys(String key) {
		return this.db.sql("SELECT count(*) AS n FROM idempotency_keys WHERE key = :key")
			.bind("key", key)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	private static byte[] toBytes(Object value) {
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		java.nio.ByteBuffer buffer = (java.nio.ByteBuffer) value;
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return bytes;
	}

}
