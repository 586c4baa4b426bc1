package cn.partybuilding.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * A test against the running application (random port) with real PostgreSQL and Redis and
 * the fake gateways. Every class with this annotation shares one application context, so
 * containers and server start once per test run. Tests make their own data (fresh phone
 * numbers and orgs) and never rely on a clean database: they autowire the {@link Api}
 * client and the fixtures ({@link TestDistrict}, {@link TestActivities},
 * {@link TestVolunteering}, {@link BaseFixtures}), which are new for each test instance
 * (see {@link TestFixtures}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "party.data-dir=target/test-data", "party.admin.phone=19900000000",
				"party.admin.password=Admin#Test2026", "server.forward-headers-strategy=framework",
				"spring.r2dbc.pool.max-size=60", "logging.level.party.access=DEBUG", "party.wechat.app-id=wx-test-app",
				"party.wechat.app-secret=test-secret", "party.wechat.timeout=1s",
				// Jobs run when a test asks; deliveries are retried quickly; WeChat is
				// the fake at /wechat.
				"party.jobs.enabled=false", "party.notification.delivery.poll-interval=100ms",
				"party.notification.delivery.retry-initial=200ms", "party.notification.delivery.retry-max=1s",
				"party.notification.wechat-app-id=wx-test-app", "party.notification.wechat-app-secret=wx-test-secret" })
@Import({ TestcontainersConfiguration.class, FakeGateways.class, TestFixtures.class })
@TestExecutionListeners(listeners = TestInstanceScope.Reset.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
@AutoConfigureWebTestClient(timeout = "PT30S")
public @interface IntegrationTest {

}
