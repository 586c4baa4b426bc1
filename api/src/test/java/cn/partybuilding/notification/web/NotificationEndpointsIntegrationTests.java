package cn.partybuilding.notification.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.member.Members;
import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.publishing.NotificationRequest;
import cn.partybuilding.notification.publishing.Notifications;
import cn.partybuilding.org.OrgTree;
import cn.partybuilding.security.Role;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifier's endpoints for the apps: devices, inbox, preferences, WeChat consents,
 * political birthdays.
 */
@IntegrationTest
class NotificationEndpointsIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	Notifications notifications;

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

	UUID committee;

	UUID branch;

	Fixtures.Member member;

	String token;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.tree, this.members, this.accounts, this.passwords, this.db);
		this.committee = this.fixtures.committee();
		this.branch = this.fixtures.branch(this.committee);
		this.member = this.fixtures.member(this.branch, LocalDate.of(2001, 7, 1));
		this.token = this.member.login(this.api);
	}

	@Test
	void aMemberRegistersAndRemovesADevice() {
		String device = "fcm:" + UUID.randomUUID();
		this.api.post(this.token, "/api/v1/me/devices")
			.bodyValue(Map.of("platform", "ANDROID", "token", device))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.platform")
			.isEqualTo("ANDROID")
			.jsonPath("$.token")
			.isEqualTo(device);
		assertThat(deviceCount(device)).isEqualTo(1);
		Fixtures.Member other = this.fixtures.member(this.branch, LocalDate.of(2005, 3, 3));
		delete(other.login(this.api), device).expectStatus().isNotFound();
		delete(this.token, device).expectStatus().isNoContent();
		assertThat(deviceCount(device)).isZero();
		delete(this.token, device).expectStatus().isNotFound();
	}

	@Test
	void aDeviceNeedsAKnownPlatformAndAToken() {
		this.api.post(this.token, "/api/v1/me/devices")
			.bodyValue(Map.of("platform", "SYMBIAN", "token", "x"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("platform");
		assertProblem(this.api.post(this.token, "/api/v1/me/devices")
			.bodyValue(Map.of("platform", "IOS", "token", " "))
			.exchange(), 400, "VALIDATION_FAILED");
		this.client.post()
			.uri("/api/v1/me/devices")
			.bodyValue(Map.of("platform", "IOS", "token", "x"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void theInboxIsPagedNewestFirstInTheReadersLanguage() {
		for (int i = 1; i <= 3; i++) {
			publish(this.member.id(), NotificationKind.VOLUNTEER_HOURS_APPROVED, "signup:" + i,
					Map.of("project", "社区义诊" + i, "hours", Integer.toString(i)));
		}
		Map<String, Object> first = page(this.token, "/api/v1/me/notifications?limit=2", null);
		List<Map<String, Object>> items = items(first);
		assertThat(items).hasSize(2);
		assertThat(items.get(0).get("body")).asString().contains("社区义诊3").contains("3小时");
		assertThat(items.get(1).get("body")).asString().contains("社区义诊2");
		assertThat(items.get(0)).containsEntry("kind", "VOLUNTEER_HOURS_APPROVED")
			.containsEntry("title", "志愿时长已确认")
			.containsKeys("id", "createdAt")
			.doesNotContainKey("readAt");
		Map<String, Object> second = page(this.token,
				"/api/v1/me/notifications?limit=2&cursor=" + first.get("nextCursor"), "en");
		assertThat(items(second)).singleElement()
			.satisfies((item) -> assertThat(item.get("title")).isEqualTo("Volunteer hours approved"));
		assertThat(second.get("nextCursor")).isNull();
	}

	@Test
	void publishingTheSameChangeTwiceStoresItOnce() {
		publish(this.member.id(), NotificationKind.LEAVE_RESULT, "leave:1:approved",
				Map.of("title", "支部党员大会", "result", "APPROVED"));
		publish(this.member.id(), NotificationKind.LEAVE_RESULT, "leave:1:approved",
				Map.of("title", "支部党员大会", "result", "APPROVED"));
		assertThat(items(page(this.token, "/api/v1/me/notifications", null))).hasSize(1);
	}

	@Test
	void aMemberMarksANotificationReadOnce() {
		UUID id = publish(this.member.id(), NotificationKind.LEAVE_RESULT, "leave:2:rejected",
				Map.of("title", "支部党员大会", "result", "REJECTED", "reason", "请按时参加"));
		Map<String, Object> read = read(this.token, id).expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(read).containsKey("readAt").containsEntry("body", "您对“支部党员大会”的请假申请未通过：请按时参加。");
		Map<String, Object> again = read(this.token, id).expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(again.get("readAt")).isEqualTo(read.get("readAt"));
		Fixtures.Member other = this.fixtures.member(this.branch, LocalDate.of(2005, 3, 3));
		read(other.login(this.api), id).expectStatus().isNotFound();
		read(this.token, UUID.randomUUID()).expectStatus().isNotFound();
		this.api.post(this.token, "/api/v1/me/notifications/not-an-id/read").exchange().expectStatus().isNotFound();
	}

	@Test
	void preferencesHaveDefaultsAndAreReplacedByPut() {
		Map<String, Object> defaults = this.api.getJson(this.token, "/api/v1/me/notification-preferences");
		assertThat(kinds(defaults)).hasSize(7);
		assertThat(kinds(defaults).get(0)).containsEntry("kind", "POLITICAL_BIRTHDAY")
			.containsEntry("enabled", true)
			.containsEntry("channels", List.of("PUSH", "WECHAT", "SMS"));
		assertThat(kinds(defaults).get(5)).containsEntry("kind", "LEAVE_RESULT")
			.containsEntry("channels", List.of("PUSH", "WECHAT"));
		assertThat(defaults).doesNotContainKey("quietHours");

		Map<String, Object> body = Map.of("kinds",
				List.of(Map.of("kind", "LEAVE_RESULT", "enabled", false, "channels", List.of()),
						Map.of("kind", "POLITICAL_BIRTHDAY", "enabled", true, "channels", List.of("SMS"))),
				"quietHours", Map.of("from", "22:00", "to", "07:00"));
		this.api.client()
			.put()
			.uri("/api/v1/me/notification-preferences")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk();
		Map<String, Object> saved = this.api.getJson(this.token, "/api/v1/me/notification-preferences");
		assertThat(kinds(saved).get(0)).containsEntry("channels", List.of("SMS"));
		assertThat(kinds(saved).get(5)).containsEntry("enabled", false);
		assertThat(kinds(saved).get(2)).containsEntry("enabled", true);
		assertThat(saved.get("quietHours")).isEqualTo(Map.of("from", "22:00:00", "to", "07:00:00"));
	}

	@Test
	void preferencesNameEachKindOnceAndQuietHoursMustLast() {
		put(Map.of("kinds",
				List.of(Map.of("kind", "LEAVE_RESULT", "enabled", false, "channels", List.of()),
						Map.of("kind", "LEAVE_RESULT", "enabled", true, "channels", List.of()))))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("kinds[1].kind");
		put(Map.of("kinds", List.of(), "quietHours", Map.of("from", "22:00", "to", "22:00"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("quietHours.to");
		assertProblem(
				put(Map.of("kinds",
						List.of(Map.of("kind", "LEAVE_RESULT", "enabled", true, "channels", List.of("FAX"))))),
				400, "VALIDATION_FAILED");
	}

	@Test
	void wechatConsentsAddUp() {
		grant(Map.of("templateKind", "POLITICAL_BIRTHDAY", "granted", 2)).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.remaining")
			.isEqualTo(2);
		grant(Map.of("templateKind", "POLITICAL_BIRTHDAY", "granted", 3)).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.remaining")
			.isEqualTo(5);
		grant(Map.of("templateKind", "ACTIVITY_REMINDER", "granted", 0)).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.remaining")
			.isEqualTo(0);
		grant(Map.of("templateKind", "POLITICAL_BIRTHDAY", "granted", 51)).expectStatus().isBadRequest();
		grant(Map.of("templateKind", "BIRTHDAY_PARTY", "granted", 1)).expectStatus().isBadRequest();
	}

	@Test
	void aSecretarySeesTheBranchsPoliticalBirthdaysInARangeWithTheirYears() {
		Fixtures.Member secretary = this.fixtures.secretary(this.branch);
		Fixtures.Member first = this.fixtures.member(this.branch, LocalDate.of(1986, 3, 10), "张志强");
		Fixtures.Member second = this.fixtures.member(this.branch, LocalDate.of(1996, 2, 29), "刘丽华");
		Fixtures.Member left = this.fixtures.member(this.branch, LocalDate.of(1990, 3, 1), "陈海燕");
		this.fixtures.setStatus(left.id(), "LEFT");
		this.fixtures.member(this.branch, LocalDate.of(1990, 4, 1), "杨文杰");
		String secretaryToken = secretary.login(this.api);
		String uri = "/api/v1/orgs/" + this.branch + "/political-birthdays?from=2027-02-20&to=2027-03-20&limit=1";
		Map<String, Object> page = page(secretaryToken, uri, null);
		assertThat(items(page)).singleElement()
			.satisfies((item) -> assertThat(item).containsEntry("memberId", second.id().toString())
				.containsEntry("name", "刘丽华")
				.containsEntry("politicalBirthday", "2027-02-28")
				.containsEntry("joinedPartyOn", "1996-02-29")
				.containsEntry("partyYears", 31));
		Map<String, Object> next = page(secretaryToken, uri + "&cursor=" + page.get("nextCursor"), null);
		assertThat(items(next)).singleElement()
			.satisfies((item) -> assertThat(item).containsEntry("memberId", first.id().toString())
				.containsEntry("politicalBirthday", "2027-03-10")
				.containsEntry("partyYears", 41));
		assertThat(next.get("nextCursor")).isNull();
	}

	@Test
	void politicalBirthdaysAreForTheUnitsOwnSecretariesAndAdmins() {
		UUID otherBranch = this.fixtures.branch(this.committee);
		String foreignSecretary = this.fixtures.secretary(otherBranch).login(this.api);
		String uri = "/api/v1/orgs/" + this.branch + "/political-birthdays?from=2027-01-01&to=2027-01-31";
		this.api.get(foreignSecretary, uri).exchange().expectStatus().isNotFound();
		this.api.get(this.token, uri).exchange().expectStatus().isForbidden();
		Fixtures.Member admin = this.fixtures.member(otherBranch, LocalDate.of(1999, 9, 9));
		this.accounts.grant(admin.id(), Role.ORG_ADMIN, this.committee).block(Duration.ofSeconds(10));
		this.api.get(admin.login(this.api), uri).exchange().expectStatus().isOk();
		this.api.get(this.api.loginAsAdmin(), uri).exchange().expectStatus().isOk();
	}

	@Test
	void politicalBirthdaysTakeARangeOfAtMostAYear() {
		String secretary = this.fixtures.secretary(this.branch).login(this.api);
		String base = "/api/v1/orgs/" + this.branch + "/political-birthdays";
		this.api.get(secretary, base + "?from=2027-03-01&to=2027-02-01")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("to");
		this.api.get(secretary, base + "?from=2027-01-01&to=2028-01-02").exchange().expectStatus().isBadRequest();
		this.api.get(secretary, base + "?from=2027-01-01").exchange().expectStatus().isBadRequest();
		this.api.get(secretary, base + "?from=yesterday&to=2027-01-01").exchange().expectStatus().isBadRequest();
		this.api
			.get(secretary, "/api/v1/orgs/" + UUID.randomUUID() + "/political-birthdays?from=2027-01-01&to=2027-01-02")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private UUID publish(UUID memberId, NotificationKind kind, String source, Map<String, String> params) {
		return this.notifications.publishNew(NotificationRequest.of(kind, memberId, source, params))
			.block(Duration.ofSeconds(10));
	}

	private WebTestClient.ResponseSpec delete(String bearer, String device) {
		return this.client.delete()
			.uri("/api/v1/me/devices/{token}", device)
			.headers((headers) -> headers.setBearerAuth(bearer))
			.exchange();
	}

	private WebTestClient.ResponseSpec read(String bearer, UUID id) {
		return this.api.post(bearer, "/api/v1/me/notifications/{id}/read", id).exchange();
	}

	private WebTestClient.ResponseSpec put(Map<String, Object> body) {
		return this.client.put()
			.uri("/api/v1/me/notification-preferences")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec grant(Map<String, Object> body) {
		return this.api.post(this.token, "/api/v1/me/wechat-subscriptions").bodyValue(body).exchange();
	}

	private Map<String, Object> page(String bearer, String uri, String language) {
		return this.api.get(bearer, uri).headers((headers) -> {
			if (language != null) {
				headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
			}
		}).exchange().expectStatus().isOk().expectBody(Api.JSON).returnResult().getResponseBody();
	}

	private long deviceCount(String device) {
		return this.db.sql("SELECT count(*) AS n FROM devices WHERE token = :token")
			.bind("token", device)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> items(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("items");
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> kinds(Map<String, Object> preferences) {
		return (List<Map<String, Object>>) preferences.get("kinds");
	}

}
