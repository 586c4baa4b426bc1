package cn.partybuilding.notification.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.member.Members;
import cn.partybuilding.org.OrgTree;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.FakeGateways;
import cn.partybuilding.test.IntegrationTest;

import static cn.partybuilding.notification.web.NotifierProbe.awaitRun;
import static cn.partybuilding.notification.web.NotifierProbe.pushesTo;
import static cn.partybuilding.notification.web.NotifierProbe.startRun;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The political-birthday and digest jobs through {@code /admin/jobs}: who is greeted,
 * how, and only once.
 */
@IntegrationTest
class PoliticalBirthdayJobIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	OrgTree tree;

	@Autowired
	Members members;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	DatabaseClient db;

	@Autowired
	Api api;

	Fixtures fixtures;

	NotifierProbe probe;

	String admin;

	UUID branch;

	@BeforeEach
	void setUp() {
		FakeGateways.reset();
		this.fixtures = new Fixtures(this.tree, this.members, this.accounts, this.passwords, this.db);
		this.probe = new NotifierProbe(this.db);
		this.admin = this.api.loginAsAdmin();
		this.branch = this.fixtures.branch(this.fixtures.committee());
	}

	@Test
	void theDaysRunGreetsEveryActiveCelebrantOnceWithTheRightYears() {
		Fixtures.Member fifty = this.fixtures.member(this.branch, LocalDate.of(1981, 5, 17), "赵红军");
		Fixtures.Member thirty = this.fixtures.member(this.branch, LocalDate.of(2001, 5, 17), "周桂芳");
		Fixtures.Member left = this.fixtures.member(this.branch, LocalDate.of(1990, 5, 17));
		Fixtures.Member transferred = this.fixtures.member(this.branch, LocalDate.of(1992, 5, 17));
		Fixtures.Member tomorrow = this.fixtures.member(this.branch, LocalDate.of(1990, 5, 18));
		this.fixtures.setStatus(left.id(), "LEFT");
		this.fixtures.setStatus(transferred.id(), "TRANSFERRED_OUT");
		String device = "ios-" + UUID.randomUUID();
		this.api.post(fifty.login(this.api), "/api/v1/me/devices")
			.bodyValue(Map.of("platform", "IOS", "token", device))
			.exchange()
			.expectStatus()
			.isCreated();

		Map<String, Object> run = awaitRun(this.client, this.admin, "political-birthdays",
				startRun(this.client, this.admin, "political-birthdays", "2031-05-17"));
		assertThat(run).containsEntry("status", "DONE").containsEntry("date", "2031-05-17").containsKey("finishedAt");
		assertThat(((Number) run.get("created")).longValue()).isGreaterThanOrEqualTo(2);

		assertThat(this.probe.notifications(fifty.id(), "POLITICAL_BIRTHDAY")).isEqualTo(1);
		assertThat(this.probe.notifications(thirty.id(), "POLITICAL_BIRTHDAY")).isEqualTo(1);
		assertThat(this.probe.notifications(left.id(), "POLITICAL_BIRTHDAY")).isZero();
		assertThat(this.probe.notifications(transferred.id(), "POLITICAL_BIRTHDAY")).isZero();
		assertThat(this.probe.notifications(tomorrow.id(), "POLITICAL_BIRTHDAY")).isZero();
		Map<String, Object> greeting = NotificationEndpointsIntegrationTests
			.items(this.api.getJson(fifty.login(this.api), "/api/v1/me/notifications"))
			.get(0);
		assertThat(greeting).containsEntry("kind", "POLITICAL_BIRTHDAY").containsEntry("title", "政治生日快乐");
		assertThat((String) greeting.get("body")).contains("今天是您入党50周年的政治生日").startsWith("赵红军同志");
		assertThat(this.probe.body(thirty.id(), "POLITICAL_BIRTHDAY")).contains("\"years\":\"30\"");

		// A push to the device and an SMS (political birthdays allow SMS by default),
		// each once.
		this.probe.awaitSettled(fifty.id());
		assertThat(this.probe.deliveries(fifty.id())).containsExactly("PUSH:SENT", "SMS:SENT");
		assertThat(pushesTo(device)).hasSize(1);
		assertThat(NotifierProbe.sent("/sms", fifty.phone())).singleElement()
			.satisfies((sms) -> assertThat(sms.getBodyAsString()).contains("\"template\":\"POLITICAL_BIRTHDAY\"")
				.contains("\"years\":\"50\""));
	}

	@Test
	void runningTheSameDayThreeTimesChangesNothing() {
		Fixtures.Member member = this.fixtures.member(this.branch, LocalDate.of(1985, 9, 21));
		String device = "android-" + UUID.randomUUID();
		this.api.post(member.login(this.api), "/api/v1/me/devices")
			.bodyValue(Map.of("platform", "ANDROID", "token", device))
			.exchange()
			.expectStatus()
			.isCreated();
		Map<String, Object> first = awaitRun(this.client, this.admin, "political-birthdays",
				startRun(this.client, this.admin, "political-birthdays", "2031-09-21"));
		assertThat(((Number) first.get("created")).longValue()).isPositive();
		this.probe.awaitSettled(member.id());
		var deliveries = this.probe.deliveryRows(member.id());
		for (int i = 0; i < 2; i++) {
			Map<String, Object> again = awaitRun(this.client, this.admin, "political-birthdays",
					startRun(this.client, this.admin, "political-birthdays", "2031-09-21"));
			assertThat(again).containsEntry("status", "DONE").containsEntry("created", 0);
			assertThat(again.get("processed")).isEqualTo(first.get("processed"));
		}
		assertThat(this.probe.notifications(member.id(), "POLITICAL_BIRTHDAY")).isEqualTo(1);
		assertThat(this.probe.greetings(member.id())).isEqualTo(1);
		assertThat(this.probe.deliveryRows(member.id())).isEqualTo(deliveries);
		assertThat(pushesTo(device)).hasSize(1);
	}

	@Test
	void leapDayJoinersAreGreetedOnThe28thOfFebruaryInCommonYears() {
		Fixtures.Member leap = this.fixtures.member(this.branch, LocalDate.of(1996, 2, 29));
		awaitRun(this.client, this.admin, "political-birthdays",
				startRun(this.client, this.admin, "political-birthdays", "2029-02-28"));
		assertThat(this.probe.notifications(leap.id(), "POLITICAL_BIRTHDAY")).isEqualTo(1);
		assertThat(this.probe.body(leap.id(), "POLITICAL_BIRTHDAY")).contains("\"years\":\"33\"");
		awaitRun(this.client, this.admin, "political-birthdays",
				startRun(this.client, this.admin, "political-birthdays", "2032-02-28"));
		assertThat(this.probe.notifications(leap.id(), "POLITICAL_BIRTHDAY")).as("2032 has a 29 February").isEqualTo(1);
		awaitRun(this.client, this.admin, "political-birthdays",
				startRun(this.client, this.admin, "political-birthdays", "2032-02-29"));
		assertThat(this.probe.notifications(leap.id(), "POLITICAL_BIRTHDAY")).isEqualTo(2);
	}

	@Test
	void aGreetingForADayThatIsOverStaysInTheInboxButIsNeverSent() {
		Fixtures.Member member = this.fixtures.member(this.branch, LocalDate.of(1977, 4, 4));
		String device = "harmony-" + UUID.randomUUID();
		this.api.post(member.login(this.api), "/api/v1/me/devices")
			.bodyValue(Map.of("platform", "HARMONY", "token", device))
			.exchange()
			.expectStatus()
			.isCreated();
		awaitRun(this.client, this.admin, "political-birthdays",
				startRun(this.client, this.admin, "political-birthdays", "2020-04-04"));
		assertThat(this.probe.notifications(member.id(), "POLITICAL_BIRTHDAY")).isEqualTo(1);
		this.probe.awaitSettled(member.id());
		assertThat(this.probe.deliveries(member.id())).containsExactly("PUSH:GIVEN_UP", "SMS:GIVEN_UP");
		assertThat(this.probe.deliveryRows(member.id()).get(0).get("last_error")).asString().contains("end of its day");
		assertThat(pushesTo(device)).isEmpty();
		assertThat(NotifierProbe.sent("/sms", member.phone())).isEmpty();
	}

	@Test
	void theWeeklyDigestGoesToEachSecretaryOnce() {
		Fixtures.Member secretary = this.fixtures.secretary(this.branch);
		this.fixtures.member(this.branch, LocalDate.of(1990, 6, 3), "吴明远");
		this.fixtures.member(this.branch, LocalDate.of(1985, 6, 8), "黄淑珍");
		this.fixtures.member(this.branch, LocalDate.of(1985, 6, 9), "下周的");
		for (int i = 0; i < 2; i++) {
			Map<String, Object> run = awaitRun(this.client, this.admin, "birthday-digest",
					startRun(this.client, this.admin, "birthday-digest", "2031-06-02"));
			assertThat(run).containsEntry("status", "DONE");
		}
		assertThat(this.probe.notifications(secretary.id(), "BIRTHDAY_DIGEST")).isEqualTo(1);
		String params = this.probe.body(secretary.id(), "BIRTHDAY_DIGEST");
		assertThat(params).contains("\"count\":\"2\"")
			.contains("吴明远")
			.contains("黄淑珍")
			.doesNotContain("下周的")
			.contains("\"from\":\"2031-06-02\"")
			.contains("\"to\":\"2031-06-08\"");
	}

	@Test
	void onlyKnownJobsRunAndOnlyForSystemAdministrators() {
		this.api.post(this.admin, "/api/v1/admin/jobs/{job}/runs", "no-such-job")
			.bodyValue(Map.of("date", "2031-01-01"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.post(this.admin, "/api/v1/admin/jobs/{job}/runs", "political-birthdays")
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("date");
		this.api.post(this.admin, "/api/v1/admin/jobs/{job}/runs", "political-birthdays")
			.bodyValue(Map.of("date", "31.01.2031"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		String member = this.fixtures.member(this.branch, LocalDate.of(1999, 1, 1)).login(this.api);
		this.api.post(member, "/api/v1/admin/jobs/{job}/runs", "political-birthdays")
			.bodyValue(Map.of("date", "2031-01-01"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.api.get(this.admin, "/api/v1/admin/jobs/political-birthdays/runs/{id}", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound();
		String id = startRun(this.client, this.admin, "political-birthdays", "2031-01-01");
		this.api.get(this.admin, "/api/v1/admin/jobs/birthday-digest/runs/{id}", id)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.get(member, "/api/v1/admin/jobs/political-birthdays/runs/{id}", id)
			.exchange()
			.expectStatus()
			.isForbidden();
		awaitRun(this.client, this.admin, "political-birthdays", id);
	}

}
