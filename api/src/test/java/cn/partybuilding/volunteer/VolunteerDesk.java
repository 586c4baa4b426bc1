package cn.partybuilding.volunteer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.TestActivities;

/**
 * What the volunteer tests do over and over: check in and out, read pages, and move time — a check-in or a project
 * into the past — in the database, since the application's clock is the real one.
 */
final class VolunteerDesk {

	private final Api api;

	private final DatabaseClient db;

	VolunteerDesk(Api api, DatabaseClient db) {
		this.api = api;
		this.db = db;
	}

	WebTestClient.ResponseSpec checkIn(String token, UUID signup) {
		return onSite(token, signup, "checkin", TestActivities.LAT, TestActivities.LNG);
	}

	WebTestClient.ResponseSpec checkOut(String token, UUID signup) {
		return onSite(token, signup, "checkout", TestActivities.LAT, TestActivities.LNG);
	}

	WebTestClient.ResponseSpec onSite(String token, UUID signup, String what, Double lat, Double lng) {
		Map<String, Object> body = new HashMap<>();
		body.put("lat", lat);
		body.put("lng", lng);
		return this.api.post(token, "/api/v1/volunteer/signups/{id}/" + what, signup).bodyValue(body).exchange();
	}

	WebTestClient.ResponseSpec approve(String token, UUID signup, Map<String, Object> body) {
		return this.api.post(token, "/api/v1/volunteer/signups/{id}/approve", signup).bodyValue(body).exchange();
	}

	Map<String, Object> json(WebTestClient.ResponseSpec response, int status) {
		return response.expectStatus().isEqualTo(status).expectBody(Api.JSON).returnResult().getResponseBody();
	}

	/** Checks in now, moves the check-in {@code worked} into the past and checks out: recorded hours. */
	Map<String, Object> served(String token, UUID signup, Duration worked) {
		checkIn(token, signup).expectStatus().isOk();
		backdateCheckIn(signup, worked);
		return json(checkOut(token, signup), 200);
	}

	void backdateCheckIn(UUID signup, Duration ago) {
		this.db.sql("UPDATE volunteer_signups SET checked_in_at = :at WHERE id = :id")
			.bind("at", Instant.now().minus(ago))
			.bind("id", signup)
			.then()
			.block(Duration.ofSeconds(10));
	}

	/** Moves a project to another time span, as if it had been published for it. */
	void move(UUID project, Instant startsAt, Instant endsAt) {
		this.db.sql("UPDATE volunteer_projects SET starts_at = :starts, ends_at = :ends WHERE id = :id")
			.bind("starts", startsAt)
			.bind("ends", endsAt)
			.bind("id", project)
			.then()
			.block(Duration.ofSeconds(10));
	}

	long count(String sql, UUID id) {
		return this.db.sql(sql).bind("id", id).map((row) -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
	}

	/** Every item of a list, page after page of {@code limit}. */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> all(String token, String uri, int limit) {
		List<Map<String, Object>> items = new java.util.ArrayList<>();
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
