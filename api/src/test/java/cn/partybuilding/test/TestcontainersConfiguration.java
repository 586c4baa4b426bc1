package cn.partybuilding.test;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * PostgreSQL and Redis for integration tests, started once per test JVM and shared by
 * every test class. The images are the official ones unless
 * {@code PARTY_TEST_POSTGRES_IMAGE}/{@code PARTY_TEST_REDIS_IMAGE} name others: on a
 * machine without a registry, {@code deploy/test} builds compatible images locally and
 * names them there.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestcontainersConfiguration {

	static final PostgreSQLContainer POSTGRES = newPostgres();

	static final GenericContainer<?> REDIS = newRedis();

	@Bean
	@ServiceConnection
	PostgreSQLContainer postgres() {
		return POSTGRES;
	}

	@Bean
	@ServiceConnection(name = "redis")
	GenericContainer<?> redis() {
		return REDIS;
	}

	public static PostgreSQLContainer newPostgres() {
		// Tests fire hundreds of requests at once: leave room above the connection pools
		// of two instances.
		return new PostgreSQLContainer(image("PARTY_TEST_POSTGRES_IMAGE", "postgres:16-alpine", "postgres"))
			.withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
	}

	public static GenericContainer<?> newRedis() {
		return new GenericContainer<>(image("PARTY_TEST_REDIS_IMAGE", "redis:7-alpine", "redis"))
			.withExposedPorts(6379);
	}

	private static DockerImageName image(String variable, String official, String substituteFor) {
		String configured = System.getenv(variable);
		if (configured == null || configured.isBlank()) {
			return DockerImageName.parse(official);
		}
		return DockerImageName.parse(configured).asCompatibleSubstituteFor(substituteFor);
	}

}
