package cn.partybuilding.notification.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.member.Members;
import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.publishing.NotificationRequest;
import cn.partybuilding.notification.publishing.Notifications;
import cn.partybuilding.org.OrgTree;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.FakeGateways;
import cn.partybuilding.test.IntegrationTest;

import static cn.partybuilding.notification.web.NotifierProbe.pushesTo;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Delivery against the fake gateways: retries, invalid tokens, quiet hours, WeChat
 * consents, the outbox.
 */
@IntegrationTest
class DeliveryIntegrationTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	WebTestClient client;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionalOperator transactions;

	@Autowired
	Accounts openidAccounts;

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

	Fixtures.Member member;

	String token;

	@BeforeEach
	void setUp() {
		FakeGateways.reset();
		this.fixtures = new Fixtures(this.tree, this.members, this.accounts, this.passwords, this.db);
		this.probe = new NotifierProbe(this.db);
		this.member = this.fixtures.member(this.fixtures.branch(this.fixtures.committee()), LocalDate.of(1999, 1, 1));
		this.token = this.member.login(this.api);
	}

	@Test
	void aGatewayAnswering503ForAWhileGetsEveryMessageOnceWithOneMessageId() {
		String device = device("ANDROID");
		StubMapping outage = FakeGateways.server()
			.stubFor(post(urlEqualTo("/push")).withRequestBody(containing(device))
				.atPriority(1)
				.willReturn(aResponse().withStatus(503)));
		publish(NotificationKind.ACTIVITY_REMINDER, "activity:1:reminder",
				Map.of("title", "主题党日", "startsAt", "09:00"));
		await().atMost(NotifierProbe.WAIT).until(() -> pushesTo(device).size() >= 3);
		FakeGateways.server().removeStub(outage);
		this.probe.awaitSettled(this.member.id());

		List<Map<String, Object>> deliveries = this.probe.deliveryRows(this.member.id());
		assertThat(deliveries).singleElement().satisfies((delivery) -> {
			assertThat(delivery).containsEntry("status", "SENT");
			List<LoggedRequest> pushes = pushesTo(device);
			assertThat(delivery.get("attempts")).isEqualTo(pushes.size());
			assertThat(pushes).allSatisfy((push) -> assertThat(push.getBodyAsString())
				.contains("\"messageId\":\"" + delivery.get("id") + "\""));
		});
		int delivered = pushesTo(device).size();
		sleep(Duration.ofMillis(800));
		assertThat(pushesTo(device)).as("nothing after success").hasSize(delivered);
		assertThat(pushesTo(device).get(delivered - 1).getBodyAsString()).contains("\"platform\":\"ANDROID\"")
			.contains("\"title\":\"活动提醒\"")
			.contains("\"kind\":\"ACTIVITY_REMINDER\"");
	}

	@Test
	void anInvalidTokenRemovesTheDeviceAndOnlyThatOne() {
		String gone = device("IOS");
		String kept = device("ANDROID");
		FakeGateways.server()
			.stubFor(post(urlEqualTo("/push")).withRequestBody(containing(gone))
				.atPriority(1)
				.willReturn(aResponse().withStatus(410).withBody("{\"error\":\"INVALID_TOKEN\"}")));
		publish(NotificationKind.ACTIVITY_INVITATION, "activity:2:invitation",
				Map.of("title", "党课", "startsAt", "14:00"));
		this.probe.awaitSettled(this.member.id());
		assertThat(this.probe.deliveries(this.member.id())).containsExactlyInAnyOrder("PUSH:FAILED", "PUSH:SENT");
		assertThat(devices()).containsExactly(kept);
		assertThat(pushesTo(gone)).hasSize(1);
	}

	@Test
	void quietHoursHoldADeliveryUntilTheyEnd() {
		String device = device("IOS");
		LocalTime now = LocalTime.now(SHANGHAI);
		LocalTime end = now.plusSeconds(3);
		setQuietHours(now.minusHours(1), end);
		publish(NotificationKind.ACTIVITY_REMINDER, "activity:3:reminder", Map.of("title", "支委会", "startsAt", "20:00"));
		await().atMost(NotifierProbe.WAIT)
			.until(() -> this.probe.deliveries(this.member.id()).equals(List.of("PUSH:HELD")));
		assertThat(pushesTo(device)).isEmpty();
		this.probe.awaitSettled(this.member.id());
		assertThat(this.probe.deliveries(this.member.id())).containsExactly("PUSH:SENT");
		List<LoggedRequest> pushes = pushesTo(device);
		assertThat(pushes).hasSize(1);
		LocalTime sentAt = pushes.get(0).getLoggedDate().toInstant().atZone(SHANGHAI).toLocalTime();
		assertThat(sentAt).isAfterOrEqualTo(end.withNano(0));
	}

	@Test
	void aWechatConsentIsUsedByOneSubscribeMessage() {
		String openid = "o-" + UUID.randomUUID();
		this.openidAccounts.bindOpenid(this.member.id(), openid).block(Duration.ofSeconds(10));
		stubWechat(0);
		this.api.post(this.token, "/api/v1/me/wechat-subscriptions")
			.bodyValue(Map.of("templateKind", "ACTIVITY_INVITATION", "granted", 1))
			.exchange()
			.expectStatus()
			.isCreated();
		publish(NotificationKind.ACTIVITY_INVITATION, "activity:4:invitation",
				Map.of("title", "主题党日", "startsAt", "09:00"));
		publish(NotificationKind.ACTIVITY_INVITATION, "activity:5:invitation",
				Map.of("title", "党小组会", "startsAt", "10:00"));
		this.probe.awaitSettled(this.member.id());
		assertThat(this.probe.deliveries(this.member.id())).containsExactly("WECHAT:SENT");
		List<LoggedRequest> sent = NotifierProbe.sent("/wechat/cgi-bin/message/subscribe/send", openid);
		assertThat(sent).singleElement()
			.satisfies((request) -> assertThat(request.getBodyAsString())
				.contains("\"template_id\":\"ACTIVITY_INVITATION\""));
	}

	@Test
	void aWechatRefusalFallsBackToSms() {
		String openid = "o-" + UUID.randomUUID();
		this.openidAccounts.bindOpenid(this.member.id(), openid).block(Duration.ofSeconds(10));
		stubWechat(43101);
		this.api.post(this.token, "/api/v1/me/wechat-subscriptions")
			.bodyValue(Map.of("templateKind", "POLITICAL_BIRTHDAY", "granted", 1))
			.exchange()
			.expectStatus()
			.isCreated();
		this.notifications
			.publish(new NotificationRequest(NotificationKind.POLITICAL_BIRTHDAY, this.member.id(),
					"political-birthday:2099", Map.of("name", "王建国", "years", "100"),
					Instant.now().plus(Duration.ofHours(1))))
			.block(Duration.ofSeconds(10));
		this.probe.awaitSettled(this.member.id());
		assertThat(this.probe.deliveries(this.member.id())).containsExactly("SMS:SENT");
		assertThat(NotifierProbe.sent("/wechat/cgi-bin/message/subscribe/send", openid)).hasSize(1);
		assertThat(NotifierProbe.sent("/sms", this.member.phone())).singleElement()
			.satisfies((sms) -> assertThat(sms.getBodyAsString()).contains("\"years\":\"100\""));
	}

	@Test
	void aNotificationPublishedInATransactionThatRollsBackLeavesNothing() {
		device("IOS");
		NotificationRequest request = NotificationRequest.of(NotificationKind.RESERVATION_RESULT, this.member.id(),
				"reservation:rolled-back:approved", Map.of("base", "红色教育基地", "start", "12月1日", "result", "APPROVED"));
		Mono<Void> change = this.notifications.publish(request)
			.then(Mono.error(new IllegalStateException("the change failed after publishing")));
		assertThatThrownBy(() -> change.as(this.transactions::transactional).block(Duration.ofSeconds(10)))
			.hasMessageContaining("the change failed");
		assertThat(this.probe.notifications(this.member.id(), "RESERVATION_RESULT")).isZero();
		assertThat(this.probe.deliveries(this.member.id())).isEmpty();

		this.notifications.publish(request).as(this.transactions::transactional).block(Duration.ofSeconds(10));
		assertThat(this.probe.notifications(this.member.id(), "RESERVATION_RESULT")).isEqualTo(1);
		assertThat(this.probe.deliveries(this.member.id())).hasSize(1);
	}

	@Test
	void aKindTheMemberTurnedOffStaysInTheInboxOnly() {
		String device = device("IOS");
		this.client.put()
			.uri("/api/v1/me/notification-preferences")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(
					Map.of("kinds", List.of(Map.of("kind", "LEAVE_RESULT", "enabled", false, "channels", List.of()))))
			.exchange()
			.expectStatus()
			.isOk();
		publish(NotificationKind.LEAVE_RESULT, "leave:9:approved", Map.of("title", "党课", "result", "APPROVED"));
		assertThat(this.probe.notifications(this.member.id(), "LEAVE_RESULT")).isEqualTo(1);
		assertThat(this.probe.deliveries(this.member.id())).isEmpty();
		assertThat(pushesTo(device)).isEmpty();
	}

	private void publish(NotificationKind kind, String source, Map<String, String> params) {
		this.notifications.publish(NotificationRequest.of(kind, this.member.id(), source, params))
			.block(Duration.ofSeconds(10));
	}

	private String device(String platform) {
		String device = platform.toLowerCase() + "-" + UUID.randomUUID();
		this.api.post(this.token, "/api/v1/me/devices")
			.bodyValue(Map.of("platform", platform, "token", device))
			.exchange()
			.expectStatus()
			.isCreated();
		return device;
	}

	private List<String> devices() {
		return this.db.sql("SELECT token FROM devices WHERE member_id = :id")
			.bind("id", this.member.id())
			.map((row) -> row.get("token", String.class))
			.all()
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	private void setQuietHours(LocalTime from, LocalTime to) {
		DateTimeFormatter format = DateTimeFormatter.ofPattern("HH:mm:ss");
		this.client.put()
			.uri("/api/v1/me/notification-preferences")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.bodyValue(Map.of("kinds", List.of(), "quietHours",
					Map.of("from", from.format(format), "to", to.format(format))))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static void stubWechat(int errcode) {
		FakeGateways.server()
			.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/wechat/cgi-bin/token"))
				.atPriority(1)
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"access_token\":\"fake-access-token\",\"expires_in\":7200}")));
		FakeGateways.server()
			.stubFor(post(urlPathEqualTo("/wechat/cgi-bin/message/subscribe/send")).atPriority(1)
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"errcode\":" + errcode + ",\"errmsg\":\"" + ((errcode == 0) ? "ok" : "refused")
							+ "\"}")));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
