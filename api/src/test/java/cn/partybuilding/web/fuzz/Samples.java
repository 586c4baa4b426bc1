package cn.partybuilding.web.fuzz;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.BaseFixtures;

/**
 * Plausible valid values for a schema, so that a request reaches the checks behind the
 * one field being mutated: ids of real fixtures by field name (an {@code orgId} is the
 * test district's branch), dates and times that make sense together, numbers inside the
 * schema's bounds. Fields the fuzzer knows nothing valid for are left out when optional.
 */
final class Samples {

	static final ZoneId ZONE = BaseFixtures.ZONE;

	/**
	 * Where the fuzzer's bases, projects and venues are: far from the test venue and from
	 * every spot other tests list "nearest first" from, so that the hundreds the fuzzer
	 * makes never crowd their lists.
	 */
	static final double FAR_LAT = 45.0;

	static final double FAR_LNG = -120.0;

	/** Texts to choose from for a string with a pattern. */
	private static final List<String> TEXTS = List.of("测试", "fuzz-code", "FUZZ_CODE", "123456",
			"https://example.com/evidence.jpg", "08:00");

	private final Map<String, Supplier<Object>> byName = new LinkedHashMap<>();

	Samples(World world) {
		ZonedDateTime start = ZonedDateTime.now(ZONE).plusDays(1).truncatedTo(ChronoUnit.HOURS);
		LocalDate today = LocalDate.now(ZONE);
		put("orgId", () -> world.district.branchA.toString());
		put("branchId", () -> world.district.branchA.toString());
		put("parentId", () -> world.district.community.toString());
		put("adminOrgId", () -> world.district.committee.toString());
		put("scopeId", () -> world.district.branchA.toString());
		put("communityId", () -> world.district.community.toString());
		put("memberId", () -> world.district.memberA2.id().toString());
		put("recorderId", () -> world.district.memberA2.id().toString());
		put("baseId", () -> world.base);
		put("projectId", () -> world.project.toString());
		put("attendeeMemberIds", () -> List.of(world.district.memberA2.id().toString()));
		put("menuItemIds", List::of);
		put("checkInMethods", () -> List.of("QR", "GEO"));
		put("startsAt", () -> timestamp(start));
		put("endsAt", () -> timestamp(start.plusHours(1)));
		put("checkInOpensAt", () -> timestamp(start.minusMinutes(30)));
		put("checkInClosesAt", () -> timestamp(start.plusHours(1)));
		put("start", () -> timestamp(BaseFixtures.at(2, "09:00").toZonedDateTime()));
		put("checkedOutAt", () -> timestamp(ZonedDateTime.now(ZONE).minusMinutes(1)));
		put("birthDate", () -> "1980-05-20");
		put("joinedPartyOn", () -> "2005-07-01");
		put("fullMemberOn", () -> "2006-07-01");
		put("occurredOn", today::toString);
		put("date", today::toString);
		put("phone", Api::newPhone);
		put("contactPhone", Api::newPhone);
		put("password", () -> "Fuzz#Pass2026");
		put("initialPassword", () -> "Fuzz#Pass2026");
		put("ruleCode", () -> "COMMENDATION");
		put("name", () -> "测试名称");
		put("title", () -> "测试标题");
		put("reason", () -> "测试原因");
		put("description", () -> "测试说明");
		put("content", () -> "会议记录内容");
		put("duties", () -> "向居民宣传政策");
		put("address", () -> "测试路 1 号");
		put("category", () -> "助老助残");
		put("contactName", () -> "甲书记");
		put("token", () -> "fuzz-device-" + UUID.randomUUID());
		put("from", () -> "08:00");
		put("to", () -> "12:00");
		put("lat", () -> FAR_LAT);
		put("lng", () -> FAR_LNG);
		put("radiusMeters", () -> 200);
		put("capacity", () -> 50);
		put("slotMinutes", () -> 60);
		put("minutes", () -> 30);
		put("headcount", () -> 1);
		put("slots", () -> 5);
		put("hours", () -> 1);
		put("points", () -> 1);
		put("granted", () -> 1);
		put("excellentFrom", () -> 90);
		put("qualifiedFrom", () -> 60);
		put("basicFrom", () -> 30);
		put("maxExcellentShare", () -> new BigDecimal("0.3"));
		put("capPerDay", () -> 10);
		put("capPerMonth", () -> 50);
		put("capPerYear", () -> 100);
		put("evidenceUrls", () -> List.of("https://example.com/evidence.jpg"));
	}

	private void put(String name, Supplier<Object> value) {
		this.byName.put(name, value);
	}

	/**
	 * A valid value for a property (or {@code null} with {@code known} false to leave it
	 * out).
	 */
	Sample of(String name, JsonNode schema) {
		Supplier<Object> named = this.byName.get(name);
		// An enum's values are its own, whatever the field is called (a project's
		// category is text, a member's not).
		if (named != null && !schema.has("enum")) {
			return new Sample(true, named.get());
		}
		return byType(schema);
	}

	Sample byType(JsonNode schema) {
		String type = schema.path("type").asString("");
		String format = schema.path("format").asString("");
		if (schema.has("enum")) {
			return new Sample(true, schema.get("enum").get(0).asString());
		}
		switch (type) {
			case "object" -> {
				return new Sample(true, object(schema));
			}
			case "array" -> {
				Sample item = byType(schema.path("items"));
				return new Sample(true, item.known() ? new ArrayList<>(List.of(item.value())) : new ArrayList<>());
			}
			case "integer" -> {
				return new Sample(true, schema.has("minimum") ? schema.get("minimum").asLong() : 1);
			}
			case "number" -> {
				return new Sample(true, schema.has("minimum") ? schema.get("minimum").decimalValue() : 1);
			}
			case "boolean" -> {
				return new Sample(true, true);
			}
			case "string" -> {
				return switch (format) {
					case "uuid" -> new Sample(false, null);
					case "date" -> new Sample(true, LocalDate.now(ZONE).toString());
					case "date-time" -> new Sample(true, timestamp(ZonedDateTime.now(ZONE)));
					default -> new Sample(true, text(schema));
				};
			}
			default -> {
				return new Sample(false, null);
			}
		}
	}

	/** Text that fits the schema's pattern, if it has one. */
	private static String text(JsonNode schema) {
		if (!schema.has("pattern")) {
			return "测试";
		}
		Pattern pattern = Pattern.compile(schema.get("pattern").asString());
		return TEXTS.stream()
			.filter((text) -> pattern.matcher(text).matches())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no sample text for the pattern " + pattern));
	}

	/** An object with a valid value for every property the fuzzer knows one for. */
	Map<String, Object> object(JsonNode schema) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			JsonNode propertySchema = property.getValue();
			Sample sample = "object".equals(propertySchema.path("type").asString(""))
					? new Sample(true, object(propertySchema)) : of(property.getKey(), propertySchema);
			if (sample.known()) {
				object.put(property.getKey(), sample.value());
			}
		}
		JsonNode additional = schema.path("additionalProperties");
		if (schema.path("properties").isMissingNode() && additional.isObject()) {
			// A map: one entry that names nothing real (a rule's match of "fuzz=never"
			// scores no event).
			object.put("fuzz", "never");
		}
		return object;
	}

	/**
	 * As the contract writes timestamps: {@code 2026-07-01T09:00:00+08:00}, seconds
	 * included.
	 */
	static String timestamp(ZonedDateTime time) {
		return time.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	static String abbreviate(String text) {
		return (text.length() <= 120) ? text : text.substring(0, 100) + "…(" + text.length() + " chars)";
	}

	/**
	 * A sample value.
	 *
	 * @param known whether the fuzzer knows a valid value
	 * @param value the value
	 */
	record Sample(boolean known, Object value) {
	}

}
