package cn.partybuilding.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.PartyApplication;

/**
 * Another instance of the application inside a test, on a random port, against the same
 * PostgreSQL, Redis, data directory (so the same keys) and fake gateways as the shared
 * test context: for what must hold when several instances run at once, or when one stops
 * and another starts.
 */
public final class SecondInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the shared containers without the shared test context (benchmarks run
	 * instances of their own).
	 */
	public static void startContainers() {
		TestcontainersConfiguration.POSTGRES.start();
		TestcontainersConfiguration.REDIS.start();
	}

	/**
	 * Starts one; {@code properties} ({@code name=value}) override the defaults, e.g. to
	 * enable the scheduler.
	 */
	public static SecondInstance start(String... properties) {
		var postgres = TestcontainersConfiguration.POSTGRES;
		var redis = TestcontainersConfiguration.REDIS;
		String gateways = FakeGateways.server().baseUrl();
		List<String> args = new ArrayList<>(List.of(
				"--spring.r2dbc.url=r2dbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/"
						+ postgres.getDatabaseName(),
				"--spring.r2dbc.username=" + postgres.getUsername(),
				"--spring.r2dbc.password=" + postgres.getPassword(), "--spring.r2dbc.pool.max-size=20",
				"--spring.flyway.url=" + postgres.getJdbcUrl(), "--spring.flyway.user=" + postgres.getUsername(),
				"--spring.flyway.password=" + postgres.getPassword(),
				"--spring.data.redis.url=redis://" + redis.getHost() + ":" + redis.getMappedPort(6379),
				"--server.port=0", "--party.data-dir=target/test-data", "--party.admin.phone=" + Api.ADMIN_PHONE,
				"--party.admin.password=" + Api.ADMIN_PASSWORD, "--server.forward-headers-strategy=framework",
				"--party.notification.push-gateway-url=" + gateways + "/push",
				"--party.notification.sms-gateway-url=" + gateways + "/sms",
				"--party.notification.wechat-api-url=" + gateways + "/wechat",
				"--party.wechat.api-url=" + gateways + "/wechat", "--party.notification.wechat-app-id=wx-test-app",
				"--party.notification.wechat-app-secret=wx-test-secret",
				"--party.notification.delivery.poll-interval=100ms",
				"--party.notification.delivery.retry-initial=200ms", "--party.notification.delivery.retry-max=1s",
				// Deliveries an instance claimed when it stopped are due again when their
				// lease ends.
				"--party.notification.delivery.lease=10s", "--party.jobs.enabled=false",
				"--spring.lifecycle.timeout-per-shutdown-phase=2s"));
		for (String property : properties) {
			String name = property.substring(0, property.indexOf('='));
			args.removeIf((arg) -> arg.startsWith("--" + name + "="));
			args.add("--" + property);
		}
		return new SecondInstance(new SpringApplicationBuilder(PartyApplication.class, OwnNettyResources.class)
			.run(args.toArray(String[]::new)));
	}

	public WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.context.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/**
	 * Event loops of its own: by default every context shares Reactor Netty's global
	 * loops and disposes them when it closes, which would cut the shared test context's
	 * HTTP clients off when this instance stops.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class OwnNettyResources {

		@Bean
		ReactorResourceFactory instanceNettyResources() {
			ReactorResourceFactory resources = new ReactorResourceFactory();
			resources.setUseGlobalResources(false);
			return resources;
		}

	}

	/** Stops it as a server is stopped: work in flight is cut short. */
	@Override
	public void close() {
		this.context.close();
	}

}
