package cn.partybuilding.notification.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.FakeGateways;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

/** Looks at what the notifier stored and sent, for assertions. */
final class NotifierProbe {

	static final Duration WAIT = Duration.ofSeconds(40);

	private final DatabaseClient db;

	NotifierProbe(DatabaseClient db) {
		this.db = db;
	}

	long notifications(UUID member, String kind) {
		return count("SELECT count(*) AS n FROM notifications WHERE member_id = :id AND kind = '" + kind + "'", member);
	}

	long greetings(UUID member) {
		return count("SELECT count(*) AS n FROM political_birthday_greetings WHERE member_id = :id", member);
	}

	/** Deliveries of the member's notifications, as "CHANNEL:STATUS". */
	List<String> deliveries(UUID member) {
		return this.db
			.sql("SELECT channel || ':' || status AS d FROM deliveries WHERE member_id = :id ORDER BY channel, id")
			.bind("id", member)
			.map((row) -> row.get("d", String.class))
			.all()
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	List<Map<String, Object>> deliveryRows(UUID member) {
		return this.db
			.sql("SELECT id::text AS id, channel, target, status, attempts, last_error FROM deliveries "
					+ "WHERE member_id = :id ORDER BY channel, id")
			.bind("id", member)
			.fetch()
			.all()
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	String body(UUID member, String kind) {
		return this.db.sql("SELECT params::text AS p FROM notifications WHERE member_id = :id AND kind = :kind")
			.bind("id", member)
			.bind("kind", kind)
			// jsonb prints "key": "value"; compact it as JSON usually is written.
			.map((row) -> row.get("p", String.class).replace("\": \"", "\":\"").replace(", \"", ",\""))
			.one()
			.block(Duration.ofSeconds(10));
	}

	/** Waits until none of the member's deliveries is pending or held any more. */
	void awaitSettled(UUID member) {
		await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> deliveries(member).stream().noneMatch((d) -> d.endsWith(":PENDING") || d.endsWith(":HELD")));
	}

	static List<LoggedRequest> pushesTo(String token) {
		return FakeGateways.server().findAll(postRequestedFor(urlEqualTo("/push")).withRequestBody(containing(token)));
	}

	static List<LoggedRequest> sent(String path, String fragment) {
		return FakeGateways.server()
			.findAll(postRequestedFor(WireMock.urlPathEqualTo(path)).withRequestBody(containing(fragment)));
	}

	static String startRun(WebTestClient client, String adminToken, String job, String date) {
		return (String) client.post()
			.uri("/api/v1/admin/jobs/{job}/runs", job)
			.headers((headers) -> headers.setBearerAuth(adminToken))
			.bodyValue(Map.of("date", date))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	static Map<String, Object> awaitRun(WebTestClient client, String adminToken, String job, String id) {
		return await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> run(client, adminToken, job, id), (run) -> !"RUNNING".equals(run.get("status")));
	}

	static Map<String, Object> run(WebTestClient client, String adminToken, String job, String id) {
		return client.get()
			.uri("/api/v1/admin/jobs/{job}/runs/{id}", job, id)
			.headers((headers) -> headers.setBearerAuth(adminToken))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
	}

	private long count(String sql, UUID member) {
		return this.db.sql(sql)
			.bind("id", member)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

}
