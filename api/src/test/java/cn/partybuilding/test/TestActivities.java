package cn.partybuilding.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Plans activities through the API, for tests. */
public final class TestActivities {

	/** A venue in 示范区 (invented coordinates). */
	public static final double LAT = 31.2304;

	public static final double LNG = 121.4737;

	private final Api api;

	public TestActivities(Api api) {
		this.api = api;
	}

	/**
	 * An activity of {@code org} starting {@code startsInMinutes} from now, one hour
	 * long, by QR and position.
	 */
	public UUID plan(String token, UUID org, int startsInMinutes) {
		return plan(token, org, startsInMinutes, List.of("QR", "GEO"), "BRANCH_ASSEMBLY");
	}

	public UUID plan(String token, UUID org, int startsInMinutes, List<String> methods, String type) {
		Map<String, Object> body = body(org, startsInMinutes, methods, type);
		String id = (String) this.api.post(token, "/api/v1/activities")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		return UUID.fromString(id);
	}

	/**
	 * The install id of the app on the phone of the holder of {@code token}: one phone
	 * per member, always the same.
	 */
	public static String deviceOf(String token) {
		return "test-phone-" + UUID.nameUUIDFromBytes(token.getBytes(StandardCharsets.UTF_8));
	}

	/** Checks in with what the member presents, from their own phone. */
	public WebTestClient.ResponseSpec checkIn(String token, UUID activity, String code, Double lat, Double lng) {
		return checkIn(token, activity, code, lat, lng, deviceOf(token));
	}

	/**
	 * Checks in with what the member presents, from the phone with install id
	 * {@code device} (none: no header).
	 */
	public WebTestClient.ResponseSpec checkIn(String token, UUID activity, String code, Double lat, Double lng,
			String device) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("lat", lat);
		body.put("lng", lng);
		WebTestClient.RequestBodySpec request = this.api.post(token, "/api/v1/activities/{id}/checkins", activity);
		if (device != null) {
			request = request.header("X-Device-Id", device);
		}
		return request.bodyValue(body).exchange();
	}

	/** The activity's code of the moment, as its secretary's screen shows it. */
	public String code(String secretaryToken, UUID activity) {
		return (String) this.api.getJson(secretaryToken, "/api/v1/activities/{id}/checkin-code", activity).get("code");
	}

	public static Map<String, Object> body(UUID org, int startsInMinutes, List<String> methods, String type) {
		Instant start = Instant.now().plusSeconds(60L * startsInMinutes);
		Map<String, Object> body = new HashMap<>();
		body.put("orgId", org.toString());
		body.put("type", type);
		body.put("title", "十一月支部党员大会");
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusSeconds(3600).toString());
		body.put("checkInMethods", methods);
		body.put("venue", Map.of("name", "党群服务中心二楼", "lat", LAT, "lng", LNG, "radiusMeters", 200));
		return body;
	}

}
