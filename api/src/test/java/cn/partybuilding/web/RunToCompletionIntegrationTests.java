package cn.partybuilding.web;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that leaves in the middle of a request does not cut its transaction short: the
 * request runs to its end and commits whole (see {@link RunToCompletionFilter} for why a
 * cancelled transaction is not safe to rely on).
 */
@IntegrationTest
class RunToCompletionIntegrationTests {

	@Autowired
	DatabaseClient db;

	@Autowired
	Api api;

	@LocalServerPort
	int port;

	String token;

	@BeforeEach
	void logIn() {
		this.token = this.api.loginAsAdmin();
	}

	@Test
	void aRequestWhoseClientLeavesInTheMiddleOfItsTransactionStillCommitsWhole() {
		String label = "left-" + Ids.newId();
		Integer status = WebClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/v1/probe/pairs?label={label}&pauseMillis=600", label)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.exchangeToMono((response) -> Mono.just(response.statusCode().value()))
			// The client gives up after the first row, during the pause.
			.timeout(Duration.ofMillis(200))
			.onErrorResume((ex) -> Mono.just(0))
			.block(Duration.ofSeconds(5));
		assertThat(status).as("the client left before the answer").isZero();
		await().atMost(Duration.ofSeconds(5)).until(() -> rows(label) == 2);
		assertThat(rows(label)).isEqualTo(2);
	}

	private long rows(String label) {
		return this.db.sql("SELECT count(*) AS n FROM probe_items WHERE label LIKE :label")
			.bind("label", label + "-%")
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

}
