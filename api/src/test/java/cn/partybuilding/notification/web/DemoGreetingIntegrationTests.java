package cn.partybuilding.notification.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.SecondInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo district on a machine where today's run has not happened: the instance that
 * loads it greets the demo members whose political birthday is today (members 5 and 15)
 * on its first look for due jobs.
 */
@IntegrationTest
class DemoGreetingIntegrationTests {

	@Autowired
	DatabaseClient db;

	@Test
	void theFirstRunOfTheDayGreetsTheDemoMembersCelebratingToday() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		// As on a fresh machine: no run of today yet (other tests may have run today's
		// job).
		this.db.sql("DELETE FROM job_runs WHERE job = 'political-birthdays' AND date = :today")
			.bind("today", today)
			.then()
			.block(Duration.ofSeconds(10));
		NotifierProbe probe = new NotifierProbe(this.db);
		UUID five = demoMember(5);
		UUID fifteen = demoMember(15);
		try (SecondInstance demo = SecondInstance.start("party.demo-data=true", "party.jobs.enabled=true",
				"party.jobs.schedules.political-birthdays=00:00")) {
			assertThat(demo.client()).isNotNull();
			await().atMost(NotifierProbe.WAIT)
				.until(() -> probe.notifications(five, "POLITICAL_BIRTHDAY") == 1
						&& probe.notifications(fifteen, "POLITICAL_BIRTHDAY") == 1);
		}
		assertThat(probe.body(five, "POLITICAL_BIRTHDAY")).contains("\"years\":");
		assertThat(probe.greetings(five)).isEqualTo(1);
	}

	/** As {@code DemoDistrict} names its members. */
	private static UUID demoMember(int n) {
		return UUID.nameUUIDFromBytes(("party-demo:member:" + n).getBytes(StandardCharsets.UTF_8));
	}

}
