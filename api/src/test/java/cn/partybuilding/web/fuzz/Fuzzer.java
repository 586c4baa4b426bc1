package cn.partybuilding.web.fuzz;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.web.fuzz.ApiDocument.Body;
import cn.partybuilding.web.fuzz.ApiDocument.Operation;
import cn.partybuilding.web.fuzz.ApiDocument.Parameter;
import cn.partybuilding.web.fuzz.Battery.Value;
import cn.partybuilding.web.fuzz.Json.Raw;

/**
 * Sends one operation a valid request, then the same request with one parameter, one body
 * field, the whole body or one header replaced at a time by every value of the
 * {@link Battery}, and reports every answer that is a server error, or an error that is
 * not a problem with a code.
 */
final class Fuzzer {

	private static final Logger logger = LoggerFactory.getLogger(Fuzzer.class);

	/**
	 * Stands for the mutated field in a serialized body until the raw value replaces it.
	 */
	private static final String MARK = "\"@@fuzz-mark@@\"";

	private final WebTestClient client;

	private final JsonMapper json;

	private final String origin;

	private final String address;

	private final Plan plan;

	private final Samples samples;

	Fuzzer(WebTestClient client, JsonMapper json, int port, String address, Plan plan, Samples samples) {
		this.client = client;
		this.json = json;
		this.origin = "http://localhost:" + port;
		this.address = address;
		this.plan = plan;
		this.samples = samples;
	}

	/** What the fuzzer needs to know about the application beyond the document. */
	interface Plan {

		/**
		 * A valid token of a role that may call the operation, for one request;
		 * {@code null} for none.
		 */
		@Nullable String token(Operation operation);

		/**
		 * The value of a path parameter that names a real fixture, once per operation.
		 */
		String pathValue(Operation operation, Parameter parameter);

		/** A valid query value, or {@code null} to leave an optional parameter out. */
		@Nullable String queryValue(Operation operation, Parameter parameter);

		/** A valid header value, or {@code null} to leave an optional header out. */
		@Nullable String headerValue(Operation operation, Parameter parameter);

		/**
		 * Adjusts a freshly built valid body (values only the application's state makes
		 * valid).
		 */
		void adjust(Operation operation, Map<String, String> path, Map<String, Object> body);

		/** A valid text body, for operations that take one (a CSV file). */
		String text(Operation operation, Body body);

		/** A real cursor of a list no operation's path is: refused by every list. */
		String foreignCursor();

	}

	/** Fuzzes one operation. */
	Outcome fuzz(Operation operation, Consumer<Finding> findings) {
		Map<String, String> path = new LinkedHashMap<>();
		operation.in("path")
			.forEach((parameter) -> path.put(parameter.name(), this.plan.pathValue(operation, parameter)));
		Map<String, String> query = new LinkedHashMap<>();
		for (Parameter parameter : operation.in("query")) {
			String value = this.plan.queryValue(operation, parameter);
			if (value == null && parameter.required()) {
				value = String.valueOf(this.samples.byType(parameter.schema()).value());
			}
			if (value != null) {
				query.put(parameter.name(), value);
			}
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (Parameter parameter : operation.in("header")) {
			String value = this.plan.headerValue(operation, parameter);
			if (value != null) {
				headers.put(parameter.name(), value);
			}
		}
		Template template = new Template(operation, path, query, headers);
		Session session = new Session(operation, findings);
		int baseline = session.send(template.request("baseline"), false);
		if (baseline == 400 && session.lastBody.contains("\"errors\"")) {
			// The mutations of this operation stop where the valid request already stops:
			// worth a sample or fixture.
			logger.warn("the valid request of {} was answered {}: {}", operation.key(), baseline, session.lastBody);
		}
		for (Parameter parameter : operation.in("path")) {
			for (Value value : Battery.pathVariable()) {
				session.send(template.withPath(parameter.name(), value.value().toString()), false);
			}
		}
		for (Parameter parameter : operation.in("query")) {
			List<Value> values = new ArrayList<>(Battery.parameter(parameter.schema(), parameter.required()));
			if ("cursor".equals(parameter.name())) {
				values.addAll(Battery.cursors());
				values.add(new Value(this.plan.foreignCursor(), true));
			}
			for (Value value : values) {
				session.send(template.withQuery(parameter.name(), value.value()), value.refused());
			}
			session.send(template.withQueryTwice(parameter.name()), false);
		}
		for (Parameter parameter : operation.in("header")) {
			for (Value value : Battery.parameter(parameter.schema(), parameter.required())) {
				if (value.value() == Battery.MISSING || sendableInHeader(value.value().toString())) {
					session.send(template.withHeader(parameter.name(), value.value()), value.refused());
				}
			}
		}
		Body body = operation.body();
		if (body != null && body.isJson()) {
			fuzzJsonBody(template, body, session);
		}
		else if (body != null) {
			fuzzTextBody(template, body, session);
		}
		else if (!operation.method().equals("GET")) {
			session.send(template.withRawBody("unexpected body", MediaType.APPLICATION_JSON_VALUE,
					"{\"x\":1}".getBytes(StandardCharsets.UTF_8)), false);
		}
		for (Map.Entry<String, String> header : headers(operation)) {
			session.send(template.withHeader(header.getKey(), header.getValue()), false);
		}
		return new Outcome(session.sent, baseline);
	}

	/**
	 * What fuzzing an operation took.
	 *
	 * @param sent how many requests it sent
	 * @param baseline the status of its valid request
	 */
	record Outcome(int sent, int baseline) {
	}

	private void fuzzJsonBody(Template template, Body body, Session session) {
		List<Field> fields = new ArrayList<>();
		fields(body.schema(), this.samples.object(body.schema()), new ArrayList<>(), fields);
		for (Field field : fields) {
			for (Value value : Battery.json(field.schema(), field.baseline(), field.required())) {
				session.send(template.withBodyField(field.path(), value.value()), value.refused());
			}
		}
		String baseline = Json.write(template.body());
		List<Map.Entry<String, byte[]>> wholes = new ArrayList<>();
		for (String text : List.of("", "{}", "[]", "null", "\"x\"", "{\"a\":", "{} {}", "{'a':1}",
				"[".repeat(5_000) + "]".repeat(5_000), "{\"n\":" + "9".repeat(5_000) + "}",
				baseline.substring(0, baseline.length() - 1) + ",\"fuzzUnknown\":1}")) {
			wholes.add(Map.entry(text, text.getBytes(StandardCharsets.UTF_8)));
		}
		wholes.add(Map.entry("invalid UTF-8",
				new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}' }));
		wholes.add(Map.entry("UTF-16 baseline", baseline.getBytes(StandardCharsets.UTF_16)));
		for (Map.Entry<String, byte[]> whole : wholes) {
			session.send(template.withRawBody(whole.getKey(), MediaType.APPLICATION_JSON_VALUE, whole.getValue()),
					false);
		}
		session.send(template.withoutBody(), false);
		byte[] valid = baseline.getBytes(StandardCharsets.UTF_8);
		for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
				"application/json;charset=UTF-16")) {
			session.send(template.withRawBody("baseline as " + type, type, valid), false);
		}
	}

	private void fuzzTextBody(Template template, Body body, Session session) {
		String baseline = this.plan.text(template.operation(), body);
		// The texts of a string without the body's own (megabyte) bound, for the body and
		// for each of its cells.
		JsonNode text = JsonNodeFactory.instance.objectNode().put("type", "string");
		for (Value value : Battery.parameter(text, false)) {
			if (value.value() != Battery.MISSING) {
				session.send(template.withRawBody(value.toString(), body.mediaType(),
						value.value().toString().getBytes(StandardCharsets.UTF_8)), false);
			}
		}
		session.send(template.withoutBody(), false);
		session.send(
				template.withRawBody("invalid UTF-8", body.mediaType(), new byte[] { (byte) 0xFF, (byte) 0xFE, 0 }),
				false);
		// A file: every cell of its data line through the battery.
		String[] lines = baseline.split("\n", -1);
		if (lines.length >= 2) {
			String[] cells = lines[1].split(",", -1);
			for (int i = 0; i < cells.length; i++) {
				for (Value value : Battery.parameter(text, false)) {
					if (value.value() == Battery.MISSING) {
						continue;
					}
					String[] mutated = cells.clone();
					mutated[i] = csvCell(value.value().toString());
					String file = lines[0] + "\n" + String.join(",", mutated) + "\n";
					session.send(template.withRawBody("cell " + i + " = " + value, body.mediaType(),
							file.getBytes(StandardCharsets.UTF_8)), false);
				}
			}
		}
		if (body.schema().has("maxLength")) {
			byte[] over = new byte[body.schema().get("maxLength").asInt() + 1];
			Arrays.fill(over, (byte) 'x');
			session.send(template.withRawBody("over maxLength", body.mediaType(), over), true);
		}
		session.send(template.withRawBody("baseline as GB18030", body.mediaType(),
				baseline.getBytes(Charset.forName("GB18030"))), false);
	}

	private static String csvCell(String value) {
		return (value.contains(",") || value.contains("\"") || value.contains("\n"))
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	/**
	 * Every field of a body, nested objects and first array items included, with its
	 * schema and valid value.
	 */
	private static void fields(JsonNode schema, Object baseline, List<Object> path, List<Field> fields) {
		if (!(baseline instanceof Map<?, ?> object)) {
			return;
		}
		JsonNode properties = schema.path("properties");
		if (properties.isMissingNode() && schema.path("additionalProperties").isObject()) {
			for (Object key : object.keySet()) {
				List<Object> fieldPath = append(path, key);
				fields.add(new Field(fieldPath, schema.path("additionalProperties"), object.get(key), false));
			}
			return;
		}
		List<String> required = schema.path("required").values().stream().map(JsonNode::asString).toList();
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			List<Object> fieldPath = append(path, property.getKey());
			Object value = object.get(property.getKey());
			fields.add(new Field(fieldPath, property.getValue(), value, required.contains(property.getKey())));
			fields(property.getValue(), value, fieldPath, fields);
			if (value instanceof List<?> list && !list.isEmpty()) {
				JsonNode items = property.getValue().path("items");
				List<Object> itemPath = append(fieldPath, 0);
				if (list.get(0) instanceof Map<?, ?>) {
					fields(items, list.get(0), itemPath, fields);
				}
				else {
					fields.add(new Field(itemPath, items, list.get(0), false));
				}
			}
		}
	}

	private static List<Object> append(List<Object> path, Object segment) {
		List<Object> appended = new ArrayList<>(path);
		appended.add(segment);
		return appended;
	}

	/** Headers every request may carry wrongly. */
	private static List<Map.Entry<String, String>> headers(Operation operation) {
		List<Map.Entry<String, String>> headers = new ArrayList<>(
				List.of(Map.entry("Accept-Language", "xx;q=abc,en-US;q=2,zz-ZZ-x-private-\u00e9,".repeat(150)),
						Map.entry("Accept", "garbage")));
		if (!operation.method().equals("GET")) {
			headers.add(Map.entry("Idempotency-Key", "ключ-" + "k".repeat(300)));
		}
		return headers;
	}

	/**
	 * What the HTTP client sends in a header at all: no control characters, no blanks
	 * around, under 4,000 chars.
	 */
	private static boolean sendableInHeader(String value) {
		return value.chars().allMatch((c) -> c >= 0x20 && c <= 0xFF && c != 0x7F) && value.length() < 4_000
				&& !value.isEmpty() && value.equals(value.strip());
	}

	/**
	 * A body field.
	 *
	 * @param path names and indexes from the body down to it
	 * @param schema its schema
	 * @param baseline its valid value
	 * @param required whether the schema requires it
	 */
	private record Field(List<Object> path, JsonNode schema, @Nullable Object baseline, boolean required) {
	}

	/**
	 * A request to send.
	 *
	 * @param mutation what was changed from the valid request
	 * @param method the method
	 * @param target path and query, encoded
	 * @param headers extra headers
	 * @param body the body, if any
	 */
	record Request(String mutation, String method, String target, Map<String, String> headers, byte @Nullable [] body) {

		String describe() {
			StringBuilder text = new StringBuilder(this.method).append(' ').append(Samples.abbreviate(this.target));
			this.headers.forEach((name, value) -> text.append(" [")
				.append(name)
				.append(": ")
				.append(Samples.abbreviate(value))
				.append(']'));
			if (this.body != null) {
				text.append(' ').append(Samples.abbreviate(new String(this.body, StandardCharsets.UTF_8)));
			}
			return text.toString();
		}

	}

	/**
	 * What the fuzzer found wrong.
	 *
	 * @param operation the operation
	 * @param mutation what was changed
	 * @param status the answer's status (0: no answer)
	 * @param problem what was wrong with the answer
	 * @param requestId the request id the server logged it under
	 * @param request the request
	 */
	record Finding(String operation, String mutation, int status, String problem, @Nullable String requestId,
			String request) {

		@Override
		public String toString() {
			return this.status + " " + this.problem + " for " + this.operation + ", "
					+ Samples.abbreviate(this.mutation) + " [requestId=" + this.requestId + "]\n      " + this.request;
		}

	}

	/** The valid request of an operation, and its variants with one thing changed. */
	private final class Template {

		private final Operation operation;

		private final Map<String, String> path;

		private final Map<String, String> query;

		private final Map<String, String> headers;

		Template(Operation operation, Map<String, String> path, Map<String, String> query,
				Map<String, String> headers) {
			this.operation = operation;
			this.path = path;
			this.query = query;
			this.headers = headers;
		}

		Operation operation() {
			return this.operation;
		}

		/** A fresh valid body (fresh phone numbers and the like). */
		Map<String, Object> body() {
			Map<String, Object> body = Fuzzer.this.samples.object(this.operation.body().schema());
			Fuzzer.this.plan.adjust(this.operation, this.path, body);
			return mutableCopy(body);
		}

		Request request(String mutation) {
			return build(mutation, this.path, queryPairs(this.query), with(Map.of()), validBody());
		}

		Request withPath(String name, String value) {
			Map<String, String> path = new LinkedHashMap<>(this.path);
			path.put(name, value);
			return build("path " + name + " = " + Samples.abbreviate(value), path, queryPairs(this.query),
					with(Map.of()), validBody());
		}

		Request withQuery(String name, Object value) {
			Map<String, String> query = new LinkedHashMap<>(this.query);
			if (value == Battery.MISSING) {
				query.remove(name);
			}
			else {
				query.put(name, value.toString());
			}
			return build("query " + name + " = " + Samples.abbreviate(value.toString()), this.path, queryPairs(query),
					with(Map.of()), validBody());
		}

		Request withQueryTwice(String name) {
			List<Map.Entry<String, String>> pairs = new ArrayList<>(queryPairs(this.query));
			pairs.add(Map.entry(name, "2"));
			pairs.add(Map.entry(name, "1"));
			return build("query " + name + " twice", this.path, pairs, with(Map.of()), validBody());
		}

		Request withHeader(String name, Object value) {
			Map<String, String> headers = new LinkedHashMap<>(this.headers);
			headers.remove(name);
			if (value != Battery.MISSING) {
				headers.put(name, value.toString());
			}
			return build("header " + name + " = " + Samples.abbreviate(value.toString()), this.path,
					queryPairs(this.query), headers, validBody());
		}

		@SuppressWarnings("unchecked")
		Request withBodyField(List<Object> fieldPath, Object value) {
			Map<String, Object> body = body();
			Object parent = body;
			for (int i = 0; i < fieldPath.size() - 1; i++) {
				Object segment = fieldPath.get(i);
				parent = (segment instanceof Integer index) ? ((List<Object>) parent).get(index)
						: ((Map<String, Object>) parent).get(segment);
			}
			Object last = fieldPath.get(fieldPath.size() - 1);
			Object replacement = (value == Battery.MISSING) ? null : new Raw(MARK);
			if (parent instanceof Map<?, ?> map) {
				if (replacement == null) {
					((Map<String, Object>) map).remove(last);
				}
				else {
					((Map<String, Object>) map).put((String) last, replacement);
				}
			}
			else if (parent instanceof List<?> list && last instanceof Integer index) {
				if (replacement == null) {
					((List<Object>) list).remove((int) index);
				}
				else {
					((List<Object>) list).set(index, replacement);
				}
			}
			String text = Json.write(body);
			if (replacement != null) {
				text = text.replace(MARK, (value instanceof Raw raw) ? raw.json() : Json.write(value));
			}
			String field = String.join(".", fieldPath.stream().map(String::valueOf).toList());
			return build("body " + field + " = " + Samples.abbreviate(String.valueOf(value)), this.path,
					queryPairs(this.query), with(Map.of("Content-Type", MediaType.APPLICATION_JSON_VALUE)),
					text.getBytes(StandardCharsets.UTF_8));
		}

		Request withRawBody(String mutation, String contentType, byte[] body) {
			return build("body " + Samples.abbreviate(mutation), this.path, queryPairs(this.query),
					with(Map.of("Content-Type", contentType)), body);
		}

		Request withoutBody() {
			return build("no body", this.path, queryPairs(this.query), with(Map.of()), null);
		}

		/** The valid request's headers, and these. */
		private Map<String, String> with(Map<String, String> headers) {
			Map<String, String> all = new LinkedHashMap<>(this.headers);
			all.putAll(headers);
			return all;
		}

		private byte @Nullable [] validBody() {
			Body body = this.operation.body();
			if (body == null) {
				return null;
			}
			String text = body.isJson() ? Json.write(body()) : Fuzzer.this.plan.text(this.operation, body);
			return text.getBytes(StandardCharsets.UTF_8);
		}

		private Request build(String mutation, Map<String, String> path, List<Map.Entry<String, String>> query,
				Map<String, String> headers, byte @Nullable [] body) {
			String target = this.operation.path();
			for (Map.Entry<String, String> variable : path.entrySet()) {
				target = target.replace("{" + variable.getKey() + "}", encode(variable.getValue(), true));
			}
			if (!query.isEmpty()) {
				StringBuilder search = new StringBuilder();
				for (Map.Entry<String, String> pair : query) {
					search.append(search.isEmpty() ? '?' : '&')
						.append(encode(pair.getKey(), false))
						.append('=')
						.append(encode(pair.getValue(), false));
				}
				target += search;
			}
			Map<String, String> allHeaders = new LinkedHashMap<>(headers);
			if (body != null && !allHeaders.containsKey("Content-Type")) {
				Body declared = this.operation.body();
				allHeaders.put("Content-Type",
						(declared != null) ? declared.mediaType() : MediaType.APPLICATION_JSON_VALUE);
			}
			return new Request(mutation, this.operation.method(), target, allHeaders, body);
		}

		private List<Map.Entry<String, String>> queryPairs(Map<String, String> query) {
			return new ArrayList<>(query.entrySet());
		}

	}

	@SuppressWarnings("unchecked")
	private static <T> T mutableCopy(T value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(key, mutableCopy(item)));
			return (T) copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach((item) -> copy.add(mutableCopy(item)));
			return (T) copy;
		}
		return value;
	}

	/**
	 * Percent-encodes every byte that is not unreserved, so the server sees exactly the
	 * value.
	 */
	static String encode(String value, boolean pathSegment) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				out.append((char) c);
			}
			else {
				out.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
			}
		}
		return out.toString();
	}

	/** Sends the requests of one operation and judges the answers. */
	private final class Session {

		private final Operation operation;

		private final Consumer<Finding> findings;

		int sent;

		/** The body of the last answer, for diagnosis. */
		String lastBody = "";

		Session(Operation operation, Consumer<Finding> findings) {
			this.operation = operation;
			this.findings = findings;
		}

		/**
		 * Sends the request and returns the answer's status; {@code refused}: the
		 * document rules it out, so the answer must be a 400.
		 */
		int send(Request request, boolean refused) {
			this.sent++;
			String token = Fuzzer.this.plan.token(this.operation);
			EntityExchangeResult<byte[]> result;
			try {
				WebTestClient.RequestBodySpec spec = Fuzzer.this.client.method(HttpMethod.valueOf(request.method()))
					.uri(URI.create(Fuzzer.this.origin + request.target()))
					.headers((headers) -> {
						headers.set("X-Forwarded-For", Fuzzer.this.address);
						if (token != null) {
							headers.setBearerAuth(token);
						}
						request.headers().forEach(headers::set);
					});
				WebTestClient.RequestHeadersSpec<?> ready = (request.body() != null) ? spec.bodyValue(request.body())
						: spec;
				result = ready.exchange().expectBody().returnResult();
			}
			catch (RuntimeException | AssertionError ex) {
				report(request, 0, "no answer: " + ex, null);
				return 0;
			}
			int status = result.getStatus().value();
			this.lastBody = (result.getResponseBody() != null)
					? new String(result.getResponseBody(), StandardCharsets.UTF_8) : "";
			String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
			if (status >= 500) {
				report(request, status, "server error " + code(result.getResponseBody()), requestId);
			}
			else if (refused && status != 400 && status != 413) {
				report(request, status, "accepted what the document rules out (" + code(result.getResponseBody()) + ")",
						requestId);
			}
			else if (status >= 400) {
				MediaType type = result.getResponseHeaders().getContentType();
				if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
					report(request, status, "not a problem (" + type + ")", requestId);
				}
				else if (code(result.getResponseBody()) == null) {
					report(request, status, "a problem without a code", requestId);
				}
			}
			return status;
		}

		private @Nullable String code(byte @Nullable [] body) {
			if (body == null || body.length == 0) {
				return null;
			}
			try {
				JsonNode problem = Fuzzer.this.json.readTree(body);
				return problem.path("code").asString(null);
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

		private void report(Request request, int status, String problem, @Nullable String requestId) {
			this.findings.accept(new Finding(this.operation.key(), request.mutation(), status, problem, requestId,
					request.describe()));
		}

	}

}
