package cn.partybuilding.test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Publishes volunteer projects and signs up through the API, for tests. */
public final class TestVolunteering {

	private final Api api;

	public TestVolunteering(Api api) {
		this.api = api;
	}

	/**
	 * A project of {@code org} starting {@code startsInMinutes} from now (negative: under way), lasting {@code minutes},
	 * with {@code slots} places at the test venue (200 m radius).
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
			body.put("location", Map.of("name", "和平社区养老服务中心", "lat", TestActivities.LAT, "lng",
					TestActivities.LNG, "radiusMeters", 200));
		}
		return body;
	}

}
