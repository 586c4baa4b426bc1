package cn.partybuilding.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What volunteering tests do: publish projects, sign up, check in and out and read pages
 * through the API, and move time (a check-in or a project into the past) in the database,
 * since the application's clock is the real one.
 */
public final class TestVolunteering {

	private final Api api;

	private final DatabaseClient db;

	public TestVolunteering(Api api, DatabaseClient db) {
		this.api = api;
		this.db = db;
	}

	/**
	 * A project of {@code org} starting {@code startsInMinutes} from now (negative: under
	 * way), lasting {@code minutes}, with {@code slots} places at the test venue (200 m
	 * radius).
	 */
	public UUID publish(String token, UUID org, int startsInMinutes, int minutes, int slots) {
		return publish(token, body(org, startsInMinutes, minutes, slots, true));
	}

	public UUID publish(String token, Map<String, Object> body) {
		return UUID.fromString((String) this.api.post(token, "/api/v1/volunteer/projects")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id"));
	}

	/** Signs up and returns the sign-up's id (201 or 200). */
	public UUID signUp(String token, UUID project) {
		return UUID.fromString((String) this.api.post(token, "/api/v1/volunteer/projects/{id}/signups", project)
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id"));
	}

	public static Map<String, Object> body(UUID org, int startsInMinutes, int minutes, int slots, boolean located) {
		Instant start = Instant.now().plusSeconds(60L * startsInMinutes);
		Map<String, Object> body = new HashMap<>();
		body.put("orgId", org.toString());
		body.put("title", "敬老院助餐服务");
		body.put("description", "为社区老人送餐、陪伴聊天");
		body.put("category", "助老助残");
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusSeconds(60L * minutes).toString());
		body.put("slots", slots);
		if (located) {
			body.put("location", Map.of("name", "和平社区养老服务中心", "lat", TestActivities.LAT, "lng", TestActivities.LNG,
					"radiusMeters", 200));
		}
		return body;
	}

	public WebTestClient.ResponseSpec checkIn(String token, UUID signup) {
		return onSite(token, signup, "checkin", TestActivities.LAT, TestActivities.LNG);
	}

	public WebTestClient.ResponseSpec checkOut(String token, UUID signup) {
		return onSite(token, signup, "checkout", TestActivities.LAT, TestActivities.LNG);
	}

	public WebTestClient.ResponseSpec onSite(String token, UUID signup, String what, Double lat, Double lng) {
		Map<String, Object> body = new HashMap<>();
		body.put("lat", lat);
		body.put("lng", lng);
		return this.api.post(token, "/api/v1/volunteer/signups/{id}/" + what, signup).bodyValue(body).exchange();
	}

	public WebTestClient.ResponseSpec approve(String token, UUID signup, Map<String, Object> body) {
		return this.api.post(token, "/api/v1/volunteer/signups/{id}/approve", signup).bodyValue(body).exchange();
	}

	public Map<String, Object> json(WebTestClient.ResponseSpec response, int status) {
		return response.expectStatus().isEqualTo(status).expectBody(Api.JSON).returnResult().getResponseBody();
	}

	/**
	 * Checks in now, moves the check-in {@code worked} into the past and checks out:
	 * recorded hours.
	 */
	public Map<String, Object> served(String token, UUID signup, Duration worked) {
		checkIn(token, signup).expectStatus().isOk();
		backdateCheckIn(signup, worked);
		return json(checkOut(token, signup), 200);
	}

	public void backdateCheckIn(UUID signup, Duration ago) {
		this.db.sql("UPDATE volunteer_signups SET checked_in_at = :at WHERE id = :id")
			.bind("at", Instant.now().minus(ago))
			.bind("id", signup)
			.then()
			.block(Duration.ofSeconds(10));
	}

	/** Moves a project to another time span, as if it had been published for it. */
	public void move(UUID project, Instant startsAt, Instant endsAt) {
		this.db.sql("UPDATE volunteer_projects SET starts_at = :starts, ends_at = :ends WHERE id = :id")
			.bind("starts", startsAt)
			.bind("ends", endsAt)
			.bind("id", project)
			.then()
			.block(Duration.ofSeconds(10));
	}

	public long count(String sql, UUID id) {
		return this.db.sql(sql).bind("id", id).map((row) -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
	}

	/** Every item of a list, page after page of {@code limit}. */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> all(String token, String uri, int limit) {
		List<Map<String, Object>> items = new ArrayList<>();
		String cursor = null;
		do {
			String page = uri + (uri.contains("?") ? "&" : "?") + "limit=" + limit
					+ ((cursor != null) ? "&cursor=" + cursor : "");
			Map<String, Object> body = json(this.api.get(token, page).exchange(), 200);
			items.addAll((List<Map<String, Object>>) body.get("items"));
			cursor = (String) body.get("nextCursor");
		}
		while (cursor != null);
		return items;
	}

}
