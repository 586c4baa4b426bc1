package cn.partybuilding.web.fuzz;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.BaseFixtures;
import cn.partybuilding.test.TestActivities;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;
import cn.partybuilding.test.TestVolunteering;

/**
 * The fixtures the fuzzer's requests point at: a test district, and fresh activities,
 * bases, projects and the like made through the API for each operation that names one in
 * its path, so one operation's state changes (a cancelled activity) never stop another's
 * requests before the checks it is there to reach.
 */
final class World {

	private static final AtomicInteger RULES = new AtomicInteger();

	final TestDistrict district;

	final Api api;

	final String base;

	final UUID project;

	final String ruleCode;

	final String ruleId;

	/**
	 * A real cursor of the community's members: no operation's path names the community.
	 */
	final String foreignCursor;

	private final BaseFixtures bases;

	private final TestActivities activities;

	private final TestVolunteering volunteering;

	private final AtomicInteger names = new AtomicInteger();

	private final Map<String, String> codes = new ConcurrentHashMap<>();

	World(ApplicationContext context, WebTestClient client) {
		this.district = TestDistrict.create(context, client);
		this.api = new Api(client);
		this.bases = new BaseFixtures(client, this.district);
		this.activities = new TestActivities(this.api);
		this.volunteering = new TestVolunteering(this.api, context.getBean(DatabaseClient.class));
		this.base = freshBase();
		this.project = freshProject(60);
		this.ruleCode = newRuleCode();
		this.ruleId = (String) this.api.post(this.district.sysAdmin.token(), "/api/v1/points/rules")
			.bodyValue(harmlessRule(this.ruleCode))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		// The first WeChat login builds WxJava's HTTP client: slower than the timeout the
		// tests give WeChat.
		this.api.anonymousPost("/api/v1/auth/wechat/login").bodyValue(Map.of("code", "warm-up")).exchange();
		this.foreignCursor = (String) this.api
			.getJson(this.district.sysAdmin.token(), "/api/v1/orgs/{id}/members?limit=1", this.district.community)
			.get("nextCursor");
	}

	/**
	 * A rule version that can never score anything: in force in 1901 only, and only for
	 * events with a detail {@code fuzz=never}. The rule book is the whole installation's,
	 * shared with every other test; each of the two guards holds while the fuzzer mutates
	 * the other.
	 */
	static Map<String, Object> harmlessRule(String code) {
		return new HashMap<>(
				Map.of("code", code, "name", "模糊测试规则", "category", "BONUS", "eventType", "STUDY_COMPLETED", "points", 1,
						"match", Map.of("fuzz", "never"), "effectiveFrom", "1901-01-01", "effectiveTo", "1901-12-31"));
	}

	static String newRuleCode() {
		return "ZZ_FUZZ_" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT) + "_"
				+ RULES.incrementAndGet();
	}

	/**
	 * A base of the district's committee, at which a branch may hold up to 100 pending
	 * bookings.
	 */
	String freshBase() {
		Map<String, Object> body = BaseFixtures.baseBody(this.district.committee);
		body.put("maxPendingPerBranch", 100);
		return (String) this.bases.createBase(body).get("id");
	}

	/** A project of branch A at the fuzzer's far spot (where its sign-ups check in). */
	UUID freshProject(int startsInMinutes) {
		Map<String, Object> body = TestVolunteering.body(this.district.branchA, startsInMinutes, 120, 5, true);
		body.put("location",
				Map.of("name", "模糊测试地点", "lat", Samples.FAR_LAT, "lng", Samples.FAR_LNG, "radiusMeters", 200));
		return this.volunteering.publish(this.district.secretaryA.token(), body);
	}

	/** An activity of branch A starting in 10 minutes: check-in is open. */
	UUID freshActivity() {
		return this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10);
	}

	Person freshMember() {
		return this.district.newMember(this.district.branchA, "模糊测试党员" + this.names.incrementAndGet());
	}

	String leave() {
		UUID activity = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 90);
		return id(this.api.post(this.district.memberA2.token(), "/api/v1/activities/{id}/leave-requests", activity)
			.bodyValue(Map.of("reason", "出差")));
	}

	String claim() {
		return id(this.api.post(this.district.memberA2.token(), "/api/v1/points/claims")
			.bodyValue(Map.of("ruleCode", "COMMENDATION", "occurredOn", LocalDate.now(Samples.ZONE).toString(),
					"description", "获评优秀志愿者")));
	}

	String reservation() {
		return (String) this.bases
			.booked(this.district.secretaryA.token(), this.bases.booking(this.base, BaseFixtures.at(3, "10:00"), 1))
			.get("id");
	}

	/** A sign-up of member A for a project under way (started 10 minutes ago). */
	String signup() {
		UUID underWay = freshProject(-10);
		return this.volunteering.signUp(this.district.memberA.token(), underWay).toString();
	}

	String post() {
		return id(this.api.post(this.district.secretaryA.token(), "/api/v1/orgs/{id}/posts", this.district.branchA)
			.bodyValue(Map.of("name", "政策宣传岗", "duties", "向居民宣传政策")));
	}

	/**
	 * The current check-in code of an activity, as its secretary's screen shows it (good
	 * for 30 to 60 s).
	 */
	String checkInCode(String activity) {
		long window = System.currentTimeMillis() / 20_000;
		return this.codes.computeIfAbsent(activity + "@" + window,
				(key) -> (String) this.api
					.getJson(this.district.secretaryA.token(), "/api/v1/activities/{id}/checkin-code", activity)
					.get("code"));
	}

	/** A roster file with one valid line for branch A. */
	String rosterFile() {
		return "name,phone,gender,birthDate,joinedPartyOn,category,branchId\n模糊测试导入," + Api.newPhone()
				+ ",MALE,1980-01-01,2005-07-01,IN_SERVICE," + this.district.branchA + "\n";
	}

	private static String id(WebTestClient.RequestHeadersSpec<?> request) {
		return (String) request.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

}
