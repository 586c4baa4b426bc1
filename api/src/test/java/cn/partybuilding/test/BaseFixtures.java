package cn.partybuilding.test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.TestDistrict.Person;

/**
 * Bases and bookings for tests, made through the API: a base administered by a unit of a
 * {@link TestDistrict}, open every day 08:00–12:00 and 14:00–18:00 in hour slots, with a
 * menu; a member of the district made its base admin.
 */
public final class BaseFixtures {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Where the fixture's bases are (invented coordinates). */
	public static final double LAT = 31.2304;

	public static final double LNG = 121.4737;

	private final Api api;

	private final TestDistrict district;

	public BaseFixtures(WebTestClient client, TestDistrict district) {
		this(new Api(client), district);
	}

	BaseFixtures(Api api, TestDistrict district) {
		this.api = api;
		this.district = district;
	}

	/**
	 * The body of a base: 50 seats, open daily 08:00–12:00 and 14:00–18:00, hour slots,
	 * three menu items.
	 */
	public static Map<String, Object> baseBody(UUID adminOrgId) {
		List<Map<String, Object>> hours = new ArrayList<>();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			hours.add(Map.of("dayOfWeek", day, "from", "08:00", "to", "12:00"));
			hours.add(Map.of("dayOfWeek", day, "from", "14:00", "to", "18:00"));
		}
		Map<String, Object> body = new HashMap<>();
		body.put("name", "测试红色教育基地");
		body.put("type", "RED");
		body.put("address", "测试路 1 号");
		body.put("lat", LAT);
		body.put("lng", LNG);
		body.put("capacity", 50);
		body.put("openingHours", hours);
		body.put("slotMinutes", 60);
		body.put("menu", List.of(Map.of("name", "重温入党誓词", "minutes", 30), Map.of("name", "参观展馆", "minutes", 60),
				Map.of("name", "专题党课", "minutes", 90)));
		body.put("adminOrgId", adminOrgId.toString());
		return body;
	}

	/** A base made by the district's org admin from {@code body}. */
	public Map<String, Object> createBase(Map<String, Object> body) {
		return this.api.post(this.district.orgAdmin.token(), "/api/v1/bases")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
	}

	/** A base of the district's committee with the default body. */
	public Map<String, Object> createBase() {
		return createBase(baseBody(this.district.committee));
	}

	/**
	 * A base of the district's committee where a branch may hold as many bookings
	 * awaiting approval as the rules allow (100, not 3): for tests of seats and
	 * transitions that book many times, not of the limit itself.
	 */
	public Map<String, Object> createRoomyBase() {
		Map<String, Object> body = baseBody(this.district.committee);
		body.put("maxPendingPerBranch", 100);
		return createBase(body);
	}

	/** The base's check-in code of the moment, as its admin's screen shows it. */
	public String checkInCode(String token, String baseId) {
		return (String) this.api.getJson(token, "/api/v1/bases/{id}/checkin-code", baseId).get("code");
	}

	/**
	 * Checks in at the base for a reservation, from the phone {@code device} (none: no
	 * header).
	 */
	public WebTestClient.ResponseSpec checkIn(String token, Object reservationId, String code, Double lat, Double lng,
			String device) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("lat", lat);
		body.put("lng", lng);
		WebTestClient.RequestBodySpec request = this.api.post(token, "/api/v1/reservations/{id}/checkins",
				reservationId);
		if (device != null) {
			request = request.header("X-Device-Id", device);
		}
		return request.bodyValue(body).exchange();
	}

	/**
	 * Checks in at the base for a reservation, with its code, at its door, from the
	 * member's own phone.
	 */
	public WebTestClient.ResponseSpec checkIn(String token, Object reservationId, String code) {
		return checkIn(token, reservationId, code, LAT, LNG, TestActivities.deviceOf(token));
	}

	/**
	 * A new member of branch B made admin of the base by the district's org admin, logged
	 * in with the role.
	 */
	public Person baseAdmin(String baseId) {
		Person member = this.district.newMember(this.district.branchB, "基地管理员");
		this.api.post(this.district.orgAdmin.token(), "/api/v1/members/{id}/roles", member.id())
			.bodyValue(Map.of("role", "BASE_ADMIN", "scopeId", baseId))
			.exchange()
			.expectStatus()
			.isCreated();
		return new Person(member.id(), member.phone(), this.api.login(member.phone(), TestDistrict.PASSWORD));
	}

	/** A booking body for branch A, by app. */
	public Map<String, Object> booking(String baseId, OffsetDateTime start, int headcount) {
		Map<String, Object> body = new HashMap<>();
		body.put("baseId", baseId);
		body.put("orgId", this.district.branchA.toString());
		body.put("start", start.toString());
		body.put("headcount", headcount);
		body.put("menuItemIds", List.of());
		body.put("channel", "APP");
		body.put("contactName", "甲书记");
		body.put("contactPhone", this.district.secretaryA.phone());
		return body;
	}

	public WebTestClient.ResponseSpec book(String token, Map<String, Object> body) {
		return this.api.post(token, "/api/v1/reservations").bodyValue(body).exchange();
	}

	/** Books and returns the new reservation. */
	public Map<String, Object> booked(String token, Map<String, Object> body) {
		return book(token, body).expectStatus().isCreated().expectBody(Api.JSON).returnResult().getResponseBody();
	}

	public WebTestClient.ResponseSpec act(String token, Object reservationId, String action, Object body) {
		return this.api.post(token, "/api/v1/reservations/{id}/" + action, reservationId).bodyValue(body).exchange();
	}

	public WebTestClient.ResponseSpec put(String token, String uri, Object body, Object... variables) {
		return this.api.client()
			.put()
			.uri(uri, variables)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	/** A time of day on a date some days from today, in the business zone. */
	public static OffsetDateTime at(int daysFromToday, String time) {
		LocalDate date = LocalDate.now(ZONE).plusDays(daysFromToday);
		return ZonedDateTime.of(date, LocalTime.parse(time), ZONE).toOffsetDateTime();
	}

	@SuppressWarnings("unchecked")
	public static String menuItem(Map<String, Object> base, int index) {
		return (String) ((List<Map<String, Object>>) base.get("menu")).get(index).get("id");
	}

}
