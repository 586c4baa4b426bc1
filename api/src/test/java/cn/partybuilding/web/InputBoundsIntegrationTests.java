package cn.partybuilding.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.BaseFixtures;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestActivities;
import cn.partybuilding.test.TestDistrict;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every date, time, number, coordinate and string a client sends is bounded where it is
 * read, so that no value makes a 500 or reaches the database for a constraint to refuse:
 * a 400 problem names the field instead.
 */
@IntegrationTest
class InputBoundsIntegrationTests {

	static final String BOUNDS = "须在 1900-01-01 到 2100-12-31 之间";

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	BaseFixtures bases;

	@Test
	void aDateBeyondTheCalendarInAQueryIsA400NamingTheParameter() {
		String member = this.district.memberA.token();
		String secretary = this.district.secretaryA.token();
		String base = (String) this.bases.createBase().get("id");
		refused(this.api.get(member, "/api/v1/me/activities?from=+999999999-12-31"), "from", BOUNDS);
		refused(this.api.get(member, "/api/v1/me/activities?to=-999999999-01-01"), "to", BOUNDS);
		refused(this.api.get(member, "/api/v1/orgs/{id}/activities?from=+999999999-12-31", this.district.branchA),
				"from", BOUNDS);
		refused(this.api.get(member, "/api/v1/orgs/{id}/activities?to=2101-01-01", this.district.branchA), "to",
				BOUNDS);
		refused(this.api.get(member, "/api/v1/bases/{id}/availability?date=+999999999-12-31", base), "date", BOUNDS);
		refused(this.api.get(member, "/api/v1/points/rules?at=0000-01-01"), "at", BOUNDS);
		refused(this.api.get(secretary, "/api/v1/orgs/{id}/political-birthdays?from=1899-12-31&to=1900-01-10",
				this.district.branchA), "from", BOUNDS);
		// The bounds themselves are in the calendar.
		this.api.get(member, "/api/v1/me/activities?from=1900-01-01&to=1900-01-02").exchange().expectStatus().isOk();
		this.api.get(member, "/api/v1/me/activities?from=2100-12-30&to=2100-12-31").exchange().expectStatus().isOk();
		// The same words in English, and the same code.
		assertProblem(this.api.get(member, "/api/v1/me/activities?from=+999999999-12-31")
			.header("Accept-Language", "en")
			.exchange(), 400, "VALIDATION_FAILED").jsonPath("$.errors[0].message")
			.isEqualTo("must be between 1900-01-01 and 2100-12-31");
	}

	@Test
	void datesAndTimesBeyondTheCalendarInABodyAreA400NamingTheField() {
		String base = (String) this.bases.createBase().get("id");
		Map<String, Object> booking = this.bases.booking(base, BaseFixtures.at(2, "09:00"), 1);
		booking.put("start", "+999999999-12-31T23:59:59.999999999-18:00");
		refused(this.api.post(this.district.secretaryA.token(), "/api/v1/reservations").bodyValue(booking), "start",
				BOUNDS);
		Map<String, Object> activity = TestActivities.body(this.district.branchA, 60, List.of("QR"), "THEME_DAY");
		activity.put("checkInOpensAt", "1899-12-31T23:59:59Z");
		refused(this.api.post(this.district.secretaryA.token(), "/api/v1/activities").bodyValue(activity),
				"checkInOpensAt", BOUNDS);
		Map<String, Object> member = new HashMap<>(
				Map.of("branchId", this.district.branchA.toString(), "name", "百岁", "phone", Api.newPhone(), "gender",
						"MALE", "birthDate", "1899-12-31", "joinedPartyOn", "1921-07-01", "category", "RETIRED"));
		refused(this.api.post(this.district.orgAdmin.token(), "/api/v1/members").bodyValue(member), "birthDate",
				BOUNDS);
		// Checked as the body is read: before the job is looked for.
		refused(this.api.post(this.district.sysAdmin.token(), "/api/v1/admin/jobs/no-such-job/runs")
			.bodyValue(Map.of("date", "+999999999-12-31")), "date", BOUNDS);
	}

	@Test
	void aNulCharacterIsA400WhereverTextComesInWhileOtherCharactersAreKept() {
		String secretary = this.district.secretaryA.token();
		refused(this.api.post(secretary, "/api/v1/orgs/{id}/posts", this.district.branchA)
			.bodyValue(Map.of("name", "政策\u0000宣传岗", "duties", "宣传")), "name", "不能包含空字符（U+0000）");
		refused(this.api.post(this.district.sysAdmin.token(), "/api/v1/points/rules")
			.bodyValue(Map.of("code", "NUL_KEY_RULE", "name", "x", "category", "BONUS", "eventType", "STUDY_COMPLETED",
					"points", 1, "match", Map.of("course\u0000", "x"), "effectiveFrom", "1901-01-01", "effectiveTo",
					"1901-12-31")),
				"match", "不能包含空字符（U+0000）");
		refused(this.api.get(this.district.sysAdmin.token(), "/api/v1/audit-log?targetId={id}", "a\u0000b"), "targetId",
				"不能包含空字符（U+0000）");
		// Right-to-left override, zero-width space, a combining accent, an emoji and a
		// non-BMP letter are text.
		String odd = "岗\u202e\u200be\u0301\ud83d\ude00\ud835\udd4f";
		this.api.post(secretary, "/api/v1/orgs/{id}/posts", this.district.branchA)
			.bodyValue(Map.of("name", odd, "duties", "宣传"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(odd);
	}

	@Test
	void pathsTheFirewallRefusesAndBlankIdsAreProblems() {
		String token = this.district.sysAdmin.token();
		// Sent as a%2Fb and %25.
		for (String id : List.of("a/b", "%")) {
			assertProblem(this.api.get(token, "/api/v1/orgs/{id}", id).exchange(), 400, "MALFORMED_REQUEST");
		}
		refused(this.api.get(token, "/api/v1/orgs/{id}", "a\u0000b"), "path", "不能包含空字符（U+0000）");
		// An id of blanks converts to no id at all: it names nothing, like any id that
		// cannot be one.
		assertProblem(this.api.get(token, "/api/v1/activities/{id}", " ").exchange(), 404, "NOT_FOUND");
	}

	@Test
	void aLongQueryValueIsRefusedByTheApplicationNamingTheParameter() {
		refused(this.api.get(this.district.memberA.token(), "/api/v1/me/activities?cursor={cursor}", "c".repeat(6_000)),
				"cursor", "分页游标无效");
		refused(this.api.get(this.district.sysAdmin.token(), "/api/v1/audit-log?targetId={id}", "x".repeat(10_000)),
				"targetId", null);
	}

	@Test
	void aFractionWhereAWholeNumberBelongsIsA400NotRoundedDown() {
		String base = (String) this.bases.createBase().get("id");
		Map<String, Object> booking = this.bases.booking(base, BaseFixtures.at(2, "10:00"), 1);
		booking.put("headcount", 1.5);
		refused(this.api.post(this.district.secretaryA.token(), "/api/v1/reservations").bodyValue(booking), "headcount",
				null);
		refused(this.api.post(this.district.memberA.token(), "/api/v1/me/wechat-subscriptions")
			.bodyValue(Map.of("templateKind", "ACTIVITY_REMINDER", "granted", 2.5)), "granted", null);
	}

	@Test
	void aVenueOffTheEarthIsRefusedBeforeTheDatabaseIsAsked() {
		Map<String, Object> activity = TestActivities.body(this.district.branchA, 60, List.of("GEO"), "THEME_DAY");
		activity.put("venue", Map.of("name", "北极以北", "lat", 90.0001, "lng", 121.0, "radiusMeters", 200));
		refused(this.api.post(this.district.secretaryA.token(), "/api/v1/activities").bodyValue(activity), "venue.lat",
				"不能大于 90");
		activity.put("venue", Map.of("name", "日界线外", "lat", 31.0, "lng", -180.5, "radiusMeters", 200));
		refused(this.api.post(this.district.secretaryA.token(), "/api/v1/activities").bodyValue(activity), "venue.lng",
				"不能小于 -180");
	}

	/**
	 * Sends the request and checks the 400: the field named, with the message when one is
	 * given.
	 */
	private static void refused(WebTestClient.RequestHeadersSpec<?> request, String field, String message) {
		Map<String, Object> problem = request.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(problem).containsEntry("code", "VALIDATION_FAILED");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
		assertThat(errors).extracting((error) -> error.get("field")).contains(field);
		if (message != null) {
			assertThat(errors).filteredOn((error) -> field.equals(error.get("field")))
				.extracting((error) -> error.get("message"))
				.contains(message);
		}
	}

}
