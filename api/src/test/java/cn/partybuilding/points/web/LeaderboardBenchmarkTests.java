package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.points.ranking.Leaderboards;
import cn.partybuilding.points.web.PointsWorld.Person;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times {@code GET /orgs/{id}/leaderboard} over a 10,000-member subtree (a committee with
 * 100 branches of 100 members, most with points of the year, many tied) through HTTP,
 * warm. Tagged {@code bench}, so not part of the suite; run it with
 * {@code ./deploy/test -pl api -am -Dtest=LeaderboardBenchmarkTests -Dtests.excludedGroups=
 * -Dsurefire.failIfNoSpecifiedTests=false} and find the figures in
 * {@code api/target/surefire-reports/*LeaderboardBenchmarkTests-output.txt} (recorded in
 * {@code bench/results/points-leaderboard.md}).
 */
@IntegrationTest
@Tag("bench")
class LeaderboardBenchmarkTests {

	static final int BRANCHES = 100;

	static final int MEMBERS_PER_BRANCH = 100;

	static final int WARM_UP = 100;

	static final int MEASURED = 200;

	@Autowired
	ApplicationContext context;

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	@Autowired
	Clock clock;

	@Test
	void theLeaderboardOfATenThousandMemberSubtreeAnswersWellUnderFiftyMilliseconds() {
		PointsWorld world = new PointsWorld(this.context, this.client);
		OrgUnit committee = world.committee();
		int year = LocalDate.now(this.clock).getYear();
		long seeding = System.nanoTime();
		for (int b = 0; b < BRANCHES; b++) {
			seedBranch(world.branch(committee), year, new Random(b));
		}
		Person admin = world.orgAdmin(committee);
		this.db.sql("ANALYZE points_roster").then().then(this.db.sql("ANALYZE points_balances").then()).block();
		System.out.printf("seeded %d members in %d ms%n", BRANCHES * MEMBERS_PER_BRANCH + 1,
				(System.nanoTime() - seeding) / 1_000_000);
		String token = world.login(admin);
		String uri = "/api/v1/orgs/" + committee.id() + "/leaderboard?limit=20";
		Api api = world.api();
		for (int i = 0; i < WARM_UP; i++) {
			api.get(token, uri).exchange().expectStatus().isOk();
		}
		long[] millis = new long[MEASURED];
		for (int i = 0; i < MEASURED; i++) {
			long start = System.nanoTime();
			api.get(token, uri)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items.length()")
				.isEqualTo(20);
			millis[i] = System.nanoTime() - start;
		}
		report("sequential through HTTP", millis);
		queryOnly(committee.id(), year, admin.id());
		concurrently(api, token, uri);
		explain(committee.id(), year, admin.id());
		Arrays.sort(millis);
		assertThat(percentile(millis, 0.99) / 1_000_000.0).as("p99 in ms").isLessThan(200);
	}

	private void seedBranch(OrgUnit branch, int year, Random random) {
		List<UUID> ids = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<String> totals = new ArrayList<>();
		List<UUID> scored = new ArrayList<>();
		for (int i = 0; i < MEMBERS_PER_BRANCH; i++) {
			UUID id = Ids.newId();
			ids.add(id);
			names.add("党员" + i);
			// Four in five have points this year, in half points from 0 to 120: many
			// ties.
			if (random.nextInt(5) > 0) {
				scored.add(id);
				totals.add(BigDecimal.valueOf(random.nextInt(241), 1).multiply(BigDecimal.valueOf(5)).toPlainString());
			}
		}
		UUID[] members = ids.toArray(UUID[]::new);
		List<UUID> path = new ArrayList<>(branch.ancestors());
		path.add(branch.id());
		Mono.when(this.db
			.sql("""
					INSERT INTO accounts (id, phone_cipher, phone_index)
					SELECT m, decode(md5('c' || m), 'hex'), decode(md5('i' || m), 'hex') FROM unnest(CAST(:members AS uuid[])) AS m""")
			.bind("members", members)
			.then()
			.then(this.db.sql("""
					INSERT INTO members (id, branch_id, name, gender, birth_date, joined_party_on, status, category)
					SELECT m, :branch, n, 'MALE', DATE '1980-01-01', DATE '2005-07-01', 'FULL', 'IN_SERVICE'
					FROM unnest(CAST(:members AS uuid[]), CAST(:names AS text[])) AS t(m, n)""")
				.bind("branch", branch.id())
				.bind("members", members)
				.bind("names", names.toArray(String[]::new))
				.then())
			.then(this.db.sql("""
					INSERT INTO points_roster (member_id, branch_id, org_path, updated_at)
					SELECT m, :branch, CAST(:path AS uuid[]), now() FROM unnest(CAST(:members AS uuid[])) AS m""")
				.bind("branch", branch.id())
				.bind("path", path.toArray(UUID[]::new))
				.bind("members", members)
				.then())
			.then(this.db.sql("""
					INSERT INTO points_balances (member_id, year, basic, bonus, deduction, total, updated_at)
					SELECT m, :year, CAST(t AS numeric), 0, 0, CAST(t AS numeric), now()
					FROM unnest(CAST(:members AS uuid[]), CAST(:totals AS text[])) AS x(m, t)""")
				.bind("year", year)
				.bind("members", scored.toArray(UUID[]::new))
				.bind("totals", totals.toArray(String[]::new))
				.then()))
			.block();
	}

	/**
	 * The engine's call alone (the query and the names), without HTTP, security and JSON.
	 */
	private void queryOnly(UUID org, int year, UUID me) {
		Leaderboards leaderboards = this.context.getBean(Leaderboards.class);
		for (int i = 0; i < WARM_UP; i++) {
			leaderboards.standings(org, year, 20, me).block();
		}
		long[] nanos = new long[MEASURED];
		for (int i = 0; i < MEASURED; i++) {
			long start = System.nanoTime();
			assertThat(leaderboards.standings(org, year, 20, me).block().top()).hasSize(20);
			nanos[i] = System.nanoTime() - start;
		}
		report("Leaderboards.standings without HTTP", nanos);
	}

	private void concurrently(Api api, String token, String uri) {
		ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
		int requests = 1000;
		int clients = 8;
		long start = System.nanoTime();
		Flux.range(0, requests).flatMap((i) -> Mono.fromCallable(() -> {
			long begin = System.nanoTime();
			api.get(token, uri).exchange().expectStatus().isOk();
			times.add(System.nanoTime() - begin);
			return i;
		}).subscribeOn(Schedulers.boundedElastic()), clients).blockLast();
		double seconds = (System.nanoTime() - start) / 1e9;
		report(clients + " concurrent clients", times.stream().mapToLong(Long::longValue).toArray());
		System.out.printf("%d concurrent clients: %d requests in %.2f s = %.0f requests/s%n", clients, requests,
				seconds, requests / seconds);
	}

	private void explain(UUID org, int year, UUID me) {
		String plan = String.join("\n", this.db.sql("""
				EXPLAIN (ANALYZE, BUFFERS)
				WITH board AS MATERIALIZED (
				    SELECT r.member_id, coalesce(b.total, 0) AS points
				    FROM points_roster r
				    LEFT JOIN points_balances b ON b.member_id = r.member_id AND b.year = :year
				    WHERE r.org_path @> ARRAY[:org]::uuid[] AND r.left_at IS NULL)
				(SELECT member_id, points, false AS me, 0 AS above FROM board ORDER BY points DESC, member_id LIMIT 20)
				UNION ALL
				(SELECT member_id, points, true AS me,
				        (SELECT count(*) FROM board other WHERE other.points > mine.points) AS above
				 FROM board mine WHERE member_id = :me)""")
			.bind("org", org)
			.bind("year", year)
			.bind("me", me)
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block());
		System.out.println("query plan:\n" + plan);
	}

	private static void report(String label, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf("%s: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n", label, sorted.length,
				percentile(sorted, 0.5) / 1e6, percentile(sorted, 0.9) / 1e6, percentile(sorted, 0.99) / 1e6,
				sorted[sorted.length - 1] / 1e6);
	}

	private static long percentile(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

}
