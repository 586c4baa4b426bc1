package cn.partybuilding.web.fuzz;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import cn.partybuilding.web.fuzz.Json.Raw;

/**
 * What a fuzzer throws at one parameter or body field: the value missing or null, empty
 * and blank strings, a 10,000-character string, control characters and unicode oddities,
 * every JSON type in place of the expected one, numbers at and beyond every limit, dates
 * and times far outside any calendar the server keeps, malformed ids, unknown enum values
 * and huge arrays. Values of other types than the schema's are sent too: that is the
 * point. A value the schema itself rules out (a date outside the documented bounds, a
 * string over its {@code maxLength}, a number beyond its {@code maximum}, an unknown enum
 * value, a required field left out) is marked: the server must refuse it with a 400, as
 * the document promises.
 */
final class Battery {

	/** Marks a field or parameter left out of the request. */
	static final Object MISSING = new Object() {

		@Override
		public String toString() {
			return "<missing>";
		}

	};

	static final String LONG = "x".repeat(10_000);

	static final String CONTROL = "a\u0000b\u0001\u001f\u007f\r\n\t";

	/**
	 * Right-to-left override, zero-width space, byte order mark, a combining accent, an
	 * emoji, a non-BMP letter.
	 */
	static final String UNICODE = "\u202e\u200b\ufeffe\u0301\ud83d\ude00\ud835\udd4f";

	static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);

	static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);

	private static final List<String> DATES = List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01",
			"1899-12-31", "1900-01-01", "2100-12-31", "2101-01-01", "2026-02-30", "2026-1-1", "not-a-date",
			"2026-07-01T09:00:00+08:00");

	private static final List<String> DATE_TIMES = List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
			"0000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "1900-01-01T00:00:00Z", "2100-12-31T23:59:59Z",
			"2101-01-01T00:00:00Z", "2026-02-30T10:00:00+08:00", "2026-07-01T09:00:00+19:00", "2026-07-01T09:00:00",
			"+999999999-12-31T23:59:59.999999999-18:00", "not-a-date");

	private static final List<String> TEXTS = List.of("24:00", "23:59:59.999999999", "NaN", "91,181", "%00",
			"' OR 1=1 --", "+999999999-12-31");

	private Battery() {
	}

	/**
	 * A value to send.
	 *
	 * @param value a raw JSON fragment ({@link Raw}), a string, a list or
	 * {@link #MISSING}
	 * @param refused whether the document rules it out, so that the answer must be a 400
	 */
	record Value(Object value, boolean refused) {

		@Override
		public String toString() {
			return Samples.abbreviate(String.valueOf(this.value));
		}

	}

	/** Values for a body field of the schema; {@code baseline} is its valid value. */
	static List<Value> json(JsonNode schema, Object baseline, boolean required) {
		String type = schema.path("type").asString("");
		String format = schema.path("format").asString("");
		List<Value> values = new ArrayList<>();
		values.add(new Value(MISSING, required));
		values.add(new Value(raw("null"), required));
		// Every other JSON type in place of the field's.
		for (Object value : List.of(true, raw("1.5"), raw("{}"), raw("[]"), "", CONTROL)) {
			values.add(judged(schema, value));
		}
		boolean text = "string".equals(type) && format.isEmpty() && !schema.has("enum");
		switch (type) {
			case "integer", "number" -> {
				for (String number : List.of("0", "-1", "2147483648", "9223372036854775808", "1e308", "-1e308", "1e999",
						"1e-400")) {
					values.add(judged(schema, raw(number)));
				}
				values.add(judged(schema, "12"));
				bounds(schema).forEach((bound) -> values.add(judged(schema, raw(bound.toPlainString()))));
			}
			case "boolean" -> values.add(new Value("true", false));
			case "array" -> {
				for (String value : List.of("[null]", "[[]]", "[{}]")) {
					values.add(new Value(raw(value), false));
				}
				Object item = (baseline instanceof List<?> list && !list.isEmpty()) ? list.get(0) : "x";
				// Copies of one item in a set of unique items make a set of one.
				boolean counted = schema.has("maxItems") && !schema.path("uniqueItems").asBoolean(false);
				values.add(new Value(Collections.nCopies(10_000, item), counted));
				if (schema.has("maxItems")) {
					values.add(new Value(Collections.nCopies(schema.get("maxItems").asInt() + 1, item), counted));
				}
			}
			case "string" -> {
				if (schema.has("enum")) {
					String first = schema.get("enum").get(0).asString();
					values.add(new Value("NOT_A_VALUE", true));
					values
						.add(new Value(first.toLowerCase(Locale.ROOT), !first.equals(first.toLowerCase(Locale.ROOT))));
					// Jackson reads " FIRST " as FIRST: lenient, not wrong.
					values.add(new Value(" " + first + " ", false));
				}
				switch (format) {
					case "uuid" -> uuids().forEach((value) -> values.add(judged(schema, value)));
					case "date" -> {
						DATES.forEach((value) -> values.add(judged(schema, value)));
						values.add(new Value(raw("[2026,2,30]"), false));
						values.add(new Value(raw("[999999999,12,31]"), false));
						values.add(new Value(raw("9223372036854775807"), false));
					}
					case "date-time" -> {
						DATE_TIMES.forEach((value) -> values.add(judged(schema, value)));
						values.add(new Value(raw("[2026,2,30,10,0]"), false));
						values.add(new Value(raw("-9223372036854775808"), false));
						values.add(new Value(raw("253402300800.999999999"), false));
					}
					default -> {
						for (Object value : List.of("   ", LONG, UNICODE, raw("\"\\ud800\""), raw("1e308"))) {
							values.add(judged(schema, value));
						}
						TEXTS.forEach((value) -> values.add(judged(schema, value)));
						if (schema.has("maxLength")) {
							int max = schema.get("maxLength").asInt();
							values.add(judged(schema, "字".repeat(max)));
							values.add(judged(schema, "x".repeat(max + 1)));
						}
					}
				}
			}
			default -> {
				// objects: their fields are mutated one by one; the whole object gets the
				// values above
			}
		}
		if (!text) {
			values.add(judged(schema, LONG));
		}
		return values;
	}

	/** Values for a query or path parameter; {@link #MISSING} leaves it out. */
	static List<Value> parameter(JsonNode schema, boolean required) {
		String type = schema.path("type").asString("");
		String format = schema.path("format").asString("");
		List<String> texts = new ArrayList<>(List.of("", " ", LONG, "\u0000", CONTROL, UNICODE, "%", "NOT_A_VALUE",
				"-1", "1.5", "1e308", "+999999999-12-31", "not-a-uuid"));
		if (schema.has("enum")) {
			texts.add(schema.get("enum").get(0).asString().toLowerCase(Locale.ROOT));
		}
		switch (type) {
			case "integer", "number" -> {
				texts.addAll(List.of("0", "2147483648", "9223372036854775808", "99999", "1,2", "NaN", "1e-400"));
				bounds(schema).forEach((bound) -> texts.add(bound.toPlainString()));
			}
			case "string" -> {
				switch (format) {
					case "date" -> texts.addAll(DATES);
					case "date-time" -> texts.addAll(DATE_TIMES);
					case "uuid" -> texts.addAll(uuids());
					default -> {
						texts.addAll(List.of("91,0", "0,181", "90,180", "-90,-180", "NaN,NaN", "1e3,1e3", "Infinity,0",
								",", "1,2,3", "-90.00000000000001,0", "../../etc/passwd", "' OR 1=1 --"));
						if (schema.has("maxLength")) {
							texts.add("x".repeat(schema.get("maxLength").asInt() + 1));
						}
					}
				}
			}
			default -> {
				// booleans and the like: the values above
			}
		}
		List<Value> values = new ArrayList<>();
		values.add(new Value(MISSING, required));
		for (String text : texts) {
			values.add(new Value(text, refusedParameter(schema, text)));
		}
		return values;
	}

	/**
	 * Values for a path variable: it names something, so a value that names nothing may
	 * be a 404 as well.
	 */
	static List<Value> pathVariable() {
		List<Value> values = new ArrayList<>();
		for (String text : List.of(" ", LONG, CONTROL, UNICODE, "%", "..", "not-a-uuid", "0-0-0-0-0", "-1", "1e308",
				"00000000-0000-0000-0000-000000000000", "{" + UUID.randomUUID() + "}", UUID.randomUUID().toString())) {
			values.add(new Value(text, false));
		}
		return values;
	}

	/** Cursors that were never issued, altered, or cut: all refused. */
	static List<Value> cursors() {
		List<Value> values = new ArrayList<>();
		for (String cursor : List.of("x", ".", "a.", ".b", "YQ.YQ", "AAAA.AAAAAAAAAAAAAAAAAAAAAA", "===.===", "%ZZ",
				"eyJ9.AAAAAAAAAAAAAAAAAAAAAA", "x".repeat(3000) + "." + "y".repeat(22))) {
			values.add(new Value(cursor, true));
		}
		return values;
	}

	private static List<String> uuids() {
		return List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", UUID.randomUUID().toString(), "0-0-0-0-0",
				"{" + UUID.randomUUID() + "}", UUID.randomUUID().toString().toUpperCase(Locale.ROOT),
				UUID.randomUUID() + "x", "ffffffff-ffff-ffff-ffff-ffffffffffffffff");
	}

	/** The schema's limits, and a step beyond each. */
	private static List<BigDecimal> bounds(JsonNode schema) {
		List<BigDecimal> values = new ArrayList<>();
		for (String limit : List.of("minimum", "maximum")) {
			if (schema.has(limit)) {
				BigDecimal value = schema.get(limit).decimalValue();
				values.add(value);
				values.add(value.subtract(BigDecimal.ONE));
				values.add(value.add(BigDecimal.ONE));
				values.add(value.add(new BigDecimal("0.0000001")));
			}
		}
		return values;
	}

	/** A JSON value, marked when the schema rules it out for certain. */
	private static Value judged(JsonNode schema, Object value) {
		String type = schema.path("type").asString("");
		String format = schema.path("format").asString("");
		boolean refused = false;
		if (value instanceof String text && text.isBlank()) {
			// Jackson reads a blank string as null for dates, ids and enums, and blank
			// text is the validators' call.
			refused = false;
		}
		else if (value instanceof String text) {
			refused = switch (type) {
				case "string" -> schema.has("enum") ? !enumValues(schema).contains(text) : switch (format) {
					case "date" -> !validDate(text);
					case "date-time" -> dateTimeOutOfBounds(text);
					case "uuid" -> !validUuid(text) && !text.isBlank();
					default -> schema.has("maxLength") && text.length() > schema.get("maxLength").asInt();
				};
				default -> false;
			};
			// No text may hold a NUL character, whatever the field.
			refused |= text.indexOf('\u0000') >= 0;
		}
		else if (value instanceof Raw raw && ("integer".equals(type) || "number".equals(type))) {
			refused = numberRefused(schema, raw.json());
		}
		return new Value(value, refused);
	}

	private static boolean refusedParameter(JsonNode schema, String text) {
		if (text.indexOf('\u0000') >= 0) {
			return true;
		}
		if (text.isBlank()) {
			// Spring takes a blank value for none: the parameter's default or absence.
			return false;
		}
		String type = schema.path("type").asString("");
		String format = schema.path("format").asString("");
		if (schema.has("enum")) {
			return !enumValues(schema).contains(text);
		}
		return switch (type) {
			case "integer", "number" -> numberRefused(schema, text);
			case "string" -> switch (format) {
				case "date" -> !validDate(text);
				case "date-time" -> dateTimeOutOfBounds(text);
				case "uuid" -> !validUuid(text);
				default -> schema.has("maxLength") && text.length() > schema.get("maxLength").asInt();
			};
			default -> false;
		};
	}

	private static boolean numberRefused(JsonNode schema, String text) {
		BigDecimal number;
		try {
			number = new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			return "integer".equals(schema.path("type").asString(""));
		}
		if ("integer".equals(schema.path("type").asString("")) && (number.stripTrailingZeros().scale() > 0
				|| number.abs().compareTo(new BigDecimal(Long.MAX_VALUE)) > 0
				|| ("int32".equals(schema.path("format").asString(""))
						&& number.abs().compareTo(new BigDecimal(Integer.MAX_VALUE)) > 0))) {
			return true;
		}
		return (schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0)
				|| (schema.has("maximum") && number.compareTo(schema.get("maximum").decimalValue()) > 0);
	}

	private static boolean validDate(String text) {
		try {
			LocalDate date = LocalDate.parse(text);
			return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * Written with an offset, well-formed, and outside the bounds: refused for certain.
	 */
	private static boolean dateTimeOutOfBounds(String text) {
		try {
			OffsetDateTime dateTime = OffsetDateTime.parse(text);
			LocalDate utc = dateTime.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
			return utc.isBefore(FIRST_DATE) || utc.isAfter(LAST_DATE);
		}
		catch (DateTimeException ex) {
			return Set
				.of("not-a-date", "2026-02-30T10:00:00+08:00", "2026-07-01T25:00:00+08:00", "2026-07-01T09:00:00+19:00")
				.contains(text) || text.startsWith("+999999999") || text.startsWith("-999999999");
		}
	}

	private static boolean validUuid(String text) {
		try {
			UUID.fromString(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static List<String> enumValues(JsonNode schema) {
		return schema.get("enum").values().stream().map(JsonNode::asString).toList();
	}

	static Raw raw(String json) {
		return new Raw(json);
	}

}
