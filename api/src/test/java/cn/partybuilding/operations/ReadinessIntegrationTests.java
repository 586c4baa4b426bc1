package cn.partybuilding.operations;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.TestcontainersConfiguration;

import static org.awaitility.Awaitility.await;

/**
 * Readiness follows the database and Redis: down while either is unreachable, up again
 * when it returns, without a restart. Runs against containers of its own, which it
 * pauses, so other tests are not disturbed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "party.data-dir=target/test-data-readiness", "party.scheduler-enabled=false",
				"management.endpoint.health.group.readiness.show-details=never" })
@Import(ReadinessIntegrationTests.OwnContainers.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
class ReadinessIntegrationTests {

	static final PostgreSQLContainer POSTGRES = TestcontainersConfiguration.newPostgres();

	static final GenericContainer<?> REDIS = TestcontainersConfiguration.newRedis();

	@Autowired
	WebTestClient client;

	@Test
	void readinessIsDownWhileRedisIsAwayAndUpWhenItReturns() {
		assertReadiness(200);
		pause(REDIS);
		try {
			assertReadiness(503);
		}
		finally {
			unpause(REDIS);
		}
		assertReadiness(200);
	}

	@Test
	void readinessIsDownWhileTheDatabaseIsAwayAndUpWhenItReturns() {
		assertReadiness(200);
		pause(POSTGRES);
		try {
			assertReadiness(503);
		}
		finally {
			unpause(POSTGRES);
		}
		assertReadiness(200);
	}

	@AfterAll
	static void stop() {
		REDIS.stop();
		POSTGRES.stop();
	}

	private void assertReadiness(int status) {
		await().atMost(Duration.ofSeconds(40))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isEqualTo(status));
	}

	private static void pause(GenericContainer<?> container) {
		container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
	}

	private static void unpause(GenericContainer<?> container) {
		container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnContainers {

		@Bean
		@ServiceConnection
		PostgreSQLContainer readinessPostgres() {
			return POSTGRES;
		}

		@Bean
		@ServiceConnection(name = "redis")
		GenericContainer<?> readinessRedis() {
			return REDIS;
		}

	}

}
