package cn.partybuilding.notification.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.personaldata.PersonalDataCipher;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.SecondInstance;

import static org.awaitility.Awaitility.await;

/**
 * The notifier at the scale of a city, for {@code bench/results/notifier.md}; not part of
 * the test run (tagged {@code bench}). Run it with:
 *
 * <pre>
 * ./deploy/test -pl api -am -Dtest=NotifierBenchmarkTests -Dtests.excludedGroups= \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true
 * </pre>
 *
 * It seeds 1,000,000 members (accounts with placeholder ciphertexts, re-encrypted for the
 * day's celebrants, who get text messages), runs the political-birthday job for one day
 * and times it, then times how fast the workers drain 50,000 push deliveries to a minimal
 * Netty fake gateway. Figures go to standard output (surefire's output file).
 */
@Tag("bench")
class NotifierBenchmarkTests {

	static final int MEMBERS = Integer.getInteger("bench.members", 1_000_000);

	static final int PUSHES = Integer.getInteger("bench.pushes", 50_000);

	static final LocalDate DAY = LocalDate.of(2031, 3, 15);

	@Test
	void politicalBirthdaysForAMillionMembers() {
		LongAdder received = new LongAdder();
		DisposableServer gateway = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive()
				.then()
				.doOnSuccess((done) -> received.increment())
				.then(response.status(200).send().then()))
			.bindNow();
		SecondInstance.startContainers();
		String fake = "http://127.0.0.1:" + gateway.port();
		try (SecondInstance instance = SecondInstance.start("party.notification.push-gateway-url=" + fake + "/push",
				"party.notification.sms-gateway-url=" + fake + "/sms", "spring.r2dbc.pool.max-size=30",
				"logging.level.cn.partybuilding=WARN")) {
			DatabaseClient db = instance.bean(DatabaseClient.class);
			long seedStart = System.nanoTime();
			seed(db);
			report("seeded %,d members in %.1f s", MEMBERS, seconds(seedStart));
			encryptCelebrantPhones(db, instance.bean(PersonalDataCipher.class));
			explain(db);

			WebTestClient client = instance.client();
			String admin = new Api(client).loginAsAdmin();
			long runStart = System.nanoTime();
			String run = NotifierProbe.startRun(client, admin, "political-birthdays", DAY.toString());
			Map<String, Object> done = await().atMost(Duration.ofMinutes(10))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> NotifierProbe.run(client, admin, "political-birthdays", run),
						(r) -> !"RUNNING".equals(r.get("status")));
			report("political-birthdays for %s: %s, processed %s, created %s greetings in %.2f s", DAY,
					done.get("status"), done.get("processed"), done.get("created"), seconds(runStart));
			await().atMost(Duration.ofMinutes(10))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> count(db,
						"SELECT count(*) AS n FROM deliveries WHERE status IN ('PENDING', 'HELD')") == 0);
			report("the day's %,d deliveries (SMS) all sent %.2f s after the run started",
					count(db, "SELECT count(*) AS n FROM deliveries"), seconds(runStart));

			seedPushes(db);
			long before = received.sum();
			long drainStart = System.nanoTime();
			db.sql("UPDATE deliveries SET next_attempt_at = now() WHERE status = 'PENDING'").then().block();
			await().atMost(Duration.ofMinutes(10))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> count(db, "SELECT count(*) AS n FROM deliveries WHERE status = 'PENDING'") == 0);
			double drain = seconds(drainStart);
			report("%,d push deliveries drained in %.2f s: %,.0f messages/s (gateway received %,d)", PUSHES, drain,
					PUSHES / drain, received.sum() - before);
		}
		finally {
			gateway.disposeNow();
		}
	}

	/**
	 * 2,000 branches and the members, in set-based SQL: a placeholder phone ciphertext, a
	 * unique blind index.
	 */
	private static void seed(DatabaseClient db) {
		UUID root = UUID.randomUUID();
		db.sql("INSERT INTO orgs (id, parent_id, name, type, path) VALUES (:id, NULL, '基准区委', 'COMMITTEE', ARRAY[CAST(:id AS uuid)])")
			.bind("id", root)
			.then()
			.block();
		db.sql("""
				INSERT INTO orgs (id, parent_id, name, type, path)
				SELECT b.id, :root, '基准支部' || b.n, 'BRANCH', ARRAY[CAST(:root AS uuid), b.id]
				FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, 2000) AS n) AS b""")
			.bind("root", root)
			.then()
			.block();
		db.sql("""
				WITH branches AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM orgs
				                  WHERE parent_id = :root),
				     g AS (SELECT gen_random_uuid() AS id, n FROM generate_series(1, :members) AS n),
				     a AS (INSERT INTO accounts (id, phone_cipher, phone_index)
				           SELECT id, '\\x00'::bytea, decode(md5(id::text), 'hex') FROM g RETURNING id)
				INSERT INTO members (id, branch_id, name, gender, birth_date, joined_party_on, full_member_on, status,
				                     category)
				SELECT g.id, b.id, '党员' || g.n, 'MALE',
				       date '1950-01-01' + ((g.n::bigint * 7919) % 27000)::int - interval '25 years',
				       date '1950-01-01' + ((g.n::bigint * 7919) % 27000)::int, NULL,
				       CASE WHEN g.n % 33 = 0 THEN 'LEFT' ELSE 'FULL' END, 'IN_SERVICE'
				FROM g JOIN branches b ON b.i = g.n % 2000""")
			.bind("root", root)
			.bind("members", MEMBERS)
			.then()
			.block(Duration.ofMinutes(20));
		db.sql("ANALYZE members").then().block();
	}

	/** The day's celebrants get text messages: their numbers must decrypt. */
	private static void encryptCelebrantPhones(DatabaseClient db, PersonalDataCipher cipher) {
		List<UUID> ids = db.sql("""
				SELECT id FROM members m WHERE ((extract(month from m.joined_party_on) * 100
				    + extract(day from m.joined_party_on))::int) IN (315) AND status IN ('PROBATIONARY', 'FULL')""")
			.map((row) -> row.get("id", UUID.class))
			.all()
			.collectList()
			.block();
		Flux.fromIterable(ids)
			.index()
			.flatMap((member) -> db.sql("UPDATE accounts SET phone_cipher = :cipher WHERE id = :id")
				.bind("cipher", cipher.encrypt(String.format("166%08d", member.getT1()), member.getT2()))
				.bind("id", member.getT2())
				.then(), 16)
			.blockLast();
		report("%,d celebrants on %s", ids.size(), DAY);
	}

	private static void explain(DatabaseClient db) {
		List<String> plan = db
			.sql("""
					EXPLAIN (ANALYZE, BUFFERS) SELECT m.id, m.name, m.branch_id, m.joined_party_on FROM members m
					WHERE ((extract(month from m.joined_party_on) * 100 + extract(day from m.joined_party_on))::int)
					      = ANY(CAST('{315}' AS int[]))
					  AND m.status IN ('PROBATIONARY', 'FULL')
					  AND (((extract(month from m.joined_party_on) * 100 + extract(day from m.joined_party_on))::int), m.id)
					      > (0, '00000000-0000-0000-0000-000000000000')
					ORDER BY ((extract(month from m.joined_party_on) * 100 + extract(day from m.joined_party_on))::int), m.id
					LIMIT 500""")
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block();
		report("plan of one page of the day's query:%n  %s", String.join("\n  ", plan));
	}

	/** Push deliveries, due later so the timing starts when they are all there. */
	private static void seedPushes(DatabaseClient db) {
		db.sql("""
				WITH n AS (INSERT INTO notifications (id, member_id, kind, source_id, params, created_at)
				           SELECT gen_random_uuid(), gen_random_uuid(), 'ACTIVITY_REMINDER', 'bench:' || i,
				                  '{"title": "主题党日", "startsAt": "09:00"}'::jsonb, now()
				           FROM generate_series(1, :count) AS i
				           RETURNING id, member_id)
				INSERT INTO deliveries (id, notification_id, member_id, channel, target, platform, status,
				                        next_attempt_at, created_at)
				SELECT gen_random_uuid(), n.id, n.member_id, 'PUSH', 'bench-token-' || n.id, 'ANDROID', 'PENDING',
				       now() + interval '1 hour', now()
				FROM n""").bind("count", PUSHES).then().block(Duration.ofMinutes(5));
	}

	private static long count(DatabaseClient db, String sql) {
		return db.sql(sql).map((row) -> row.get("n", Long.class)).one().block();
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static void report(String format, Object... args) {
		System.out.println("[bench] " + String.format(format, args));
	}

}
