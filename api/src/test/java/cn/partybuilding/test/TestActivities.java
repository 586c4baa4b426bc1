package cn.partybuilding.test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Plans activities through the API, for tests. */
public final class TestActivities {

	/** A venue in 示范区 (invented coordinates). */
	public static final double LAT = 31.2304;

	public static final double LNG = 121.4737;

	private final Api api;

	public TestActivities(Api api) {
		this.api = api;
	}

	/** An activity of {@code org} starting {@code startsInMinutes} from now, one hour long, by QR and position. */
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
