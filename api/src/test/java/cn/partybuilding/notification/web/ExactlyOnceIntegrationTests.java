package cn.partybuilding.notification.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.member.Members;
import cn.partybuilding.notification.device.Devices;
import cn.partybuilding.notification.device.Platform;
import cn.partybuilding.org.OrgTree;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.FakeGateways;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.SecondInstance;

import static cn.partybuilding.notification.web.NotifierProbe.awaitRun;
import static cn.partybuilding.notification.web.NotifierProbe.pushesTo;
import static cn.partybuilding.notification.web.NotifierProbe.startRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly one greeting, proven with more than one instance: two instances running the
 * same day at the same moment, and an instance stopped in the middle of a run and another
 * one starting.
 */
@IntegrationTest
class ExactlyOnceIntegrationTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

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
	Devices devices;

	@Autowired
	DatabaseClient db;

	@Autowired
	Api api;

	Fixtures fixtures;

	NotifierProbe probe;

	UUID branch;

	@BeforeEach
	void setUp() {
		FakeGateways.reset();
		this.fixtures = new Fixtures(this.tree, this.members, this.accounts, this.passwords, this.db);
		this.probe = new NotifierProbe(this.db);
		this.branch = this.fixtures.branch(this.fixtures.committee());
	}

	@Test
	void twoInstancesRunningTheSameDayAtOnceGreetEachMemberOnceOnEachDevice() throws Exception {
		List<Celebrant> celebrants = celebrants(60, LocalDate.of(2033, 8, 8));
		String admin = this.api.loginAsAdmin();
		try (SecondInstance second = SecondInstance.start()) {
			WebTestClient other = second.client();
			CyclicBarrier together = new CyclicBarrier(2);
			CompletableFuture<String> here = CompletableFuture.supplyAsync(() -> {
				awaitBarrier(together);
				return startRun(this.client, admin, "political-birthdays", "2033-08-08");
			});
			CompletableFuture<String> there = CompletableFuture.supplyAsync(() -> {
				awaitBarrier(together);
				return startRun(other, admin, "political-birthdays", "2033-08-08");
			});
			Map<String, Object> first = awaitRun(this.client, admin, "political-birthdays", here.get());
			Map<String, Object> second2 = awaitRun(other, admin, "political-birthdays", there.get());
			assertThat(first).containsEntry("status", "DONE");
			assertThat(second2).containsEntry("status", "DONE");
			assertThat(((Number) first.get("created")).longValue() + ((Number) second2.get("created")).longValue())
				.isEqualTo(celebrants.size());
			for (Celebrant celebrant : celebrants) {
				this.probe.awaitSettled(celebrant.id());
			}
		}
		for (Celebrant celebrant : celebrants) {
			assertThat(this.probe.notifications(celebrant.id(), "POLITICAL_BIRTHDAY")).isEqualTo(1);
			assertThat(this.probe.greetings(celebrant.id())).isEqualTo(1);
			assertThat(this.probe.deliveries(celebrant.id())).containsExactly("PUSH:SENT", "SMS:SENT");
			assertThat(pushesTo(celebrant.device())).hasSize(1);
		}
	}

	@Test
	void aRunCutShortByAStopIsCompletedByTheNextInstanceWithoutDoublingAnything() {
		LocalDate today = LocalDate.now(SHANGHAI);
		List<Celebrant> celebrants = celebrants(150, today);
		String admin = this.api.loginAsAdmin();
		String cut;
		try (SecondInstance stopped = SecondInstance.start("party.notification.birthdays.page-size=5",
				"party.notification.birthdays.concurrency=1")) {
			cut = startRun(stopped.client(), admin, "political-birthdays", today.toString());
			await().atMost(NotifierProbe.WAIT)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> greeted(celebrants) >= 20);
		}
		long before = greeted(celebrants);
		assertThat(before).as("stopped in the middle").isLessThan(celebrants.size());
		assertThat(NotifierProbe.run(this.client, admin, "political-birthdays", cut)).containsEntry("status",
				"RUNNING");

		try (SecondInstance restarted = SecondInstance.start("party.jobs.enabled=true", "party.jobs.tick=300ms",
				"party.jobs.stale-after=1s", "party.jobs.schedules.political-birthdays=00:00")) {
			assertThat(restarted.client()).isNotNull();
			await().atMost(NotifierProbe.WAIT).until(() -> greeted(celebrants) == celebrants.size());
			await().atMost(NotifierProbe.WAIT)
				.until(() -> "FAILED"
					.equals(NotifierProbe.run(this.client, admin, "political-birthdays", cut).get("status")));
			await().atMost(NotifierProbe.WAIT).until(() -> latestRunStatus(today).equals("DONE"));
			for (Celebrant celebrant : celebrants) {
				this.probe.awaitSettled(celebrant.id());
			}
		}
		for (Celebrant celebrant : celebrants) {
			assertThat(this.probe.notifications(celebrant.id(), "POLITICAL_BIRTHDAY")).isEqualTo(1);
			assertThat(this.probe.greetings(celebrant.id())).isEqualTo(1);
			assertThat(this.probe.deliveries(celebrant.id())).containsExactly("PUSH:SENT", "SMS:SENT");
			// A push the stopped instance had sent but not yet recorded goes out again
			// when its lease ends, under
			// the same messageId, which the gateway drops as a duplicate: one message per
			// device.
			assertThat(pushesTo(celebrant.device())).isNotEmpty()
				.extracting((push) -> push.getBodyAsString().replaceAll(".*\"messageId\":\"([^\"]+)\".*", "$1"))
				.containsOnly(messageId(celebrant.id()));
		}
	}

	private String messageId(UUID member) {
		return this.db.sql("SELECT id::text AS id FROM deliveries WHERE member_id = :id AND channel = 'PUSH'")
			.bind("id", member)
			.map((row) -> row.get("id", String.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	/** Members whose political birthday is {@code day}, each with a device. */
	private List<Celebrant> celebrants(int count, LocalDate day) {
		return Flux.range(0, count).flatMap((i) -> Flux.defer(() -> {
			LocalDate joined = day.withYear(1960 + i % 50);
			Fixtures.Member member = this.fixtures.member(this.branch, joined, "党员" + i);
			String device = "device-" + UUID.randomUUID();
			return this.devices.register(member.id(), Platform.ANDROID, device)
				.thenReturn(new Celebrant(member.id(), device));
		}).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 8)
			.collectList()
			.block(Duration.ofMinutes(2));
	}

	private long greeted(List<Celebrant> celebrants) {
		return this.db.sql("SELECT count(*) AS n FROM political_birthday_greetings WHERE member_id = ANY(:ids)")
			.bind("ids", celebrants.stream().map(Celebrant::id).toArray(UUID[]::new))
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	private String latestRunStatus(LocalDate day) {
		return this.db
			.sql("SELECT status FROM job_runs WHERE job = 'political-birthdays' AND date = :day "
					+ "ORDER BY started_at DESC LIMIT 1")
			.bind("day", day)
			.map((row) -> row.get("status", String.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	private static void awaitBarrier(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Celebrant(UUID id, String device) {
	}

}
