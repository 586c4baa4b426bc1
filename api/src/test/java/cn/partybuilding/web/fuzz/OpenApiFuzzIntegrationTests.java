package cn.partybuilding.web.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.FakeGateways;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestActivities;
import cn.partybuilding.web.fuzz.ApiDocument.Body;
import cn.partybuilding.web.fuzz.ApiDocument.Operation;
import cn.partybuilding.web.fuzz.ApiDocument.Parameter;
import cn.partybuilding.web.fuzz.Fuzzer.Finding;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing a client sends yields a 500. Reads the served OpenAPI document and, for every
 * operation it lists, sends a valid request, then the request with one parameter, body
 * field, whole body or header at a time replaced by malformed, boundary and extreme
 * values (see {@link Battery}), as a fuzzer would, with a valid token of a role that may
 * call the operation. Fails listing every 5xx, and every error that is not a problem+json
 * with a code. A new endpoint is fuzzed as soon as the document lists it; the tables
 * below only say who calls what and which fixture a path names, and an endpoint they do
 * not know is called as the system administrator with random ids.
 */
@IntegrationTest
class OpenApiFuzzIntegrationTests {

	private static final Logger logger = LoggerFactory.getLogger(OpenApiFuzzIntegrationTests.class);

	/**
	 * Operations not fuzzed, with why. The probe endpoints live in the test sources
	 * (never shipped): {@code /boom} answers 500 on purpose and {@code /pairs} pauses for
	 * as long as it is asked to.
	 */
	static final List<String> NOT_FUZZED = List.of("/api/v1/probe/");

	/**
	 * Operations fuzzed in parallel: the requests of one operation go one after the
	 * other.
	 */
	private static final int PARALLEL_OPERATIONS = 4;

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@Test
	void noInputMakesAnyOperationOfTheDocumentAnswerAServerError() throws Exception {
		long started = System.nanoTime();
		byte[] document = this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		List<Operation> operations = new ApiDocument(this.json.readTree(document)).operations();
		assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(80);

		// The fake WeChat answers what the real one answers to a code it never issued, as
		// long as the fuzzer runs; other
		// tests stub the codes they use.
		StubMapping unknownCodes = FakeGateways.server()
			.stubFor(get(urlPathEqualTo("/wechat/sns/jscode2session")).atPriority(9)
				.willReturn(okJson("{\"errcode\":40029,\"errmsg\":\"invalid code\"}")));
		List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger sent = new AtomicInteger();
		List<String> fuzzed = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_OPERATIONS);
		try {
			WebTestClient patient = this.client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
			World world = new World(this.context, patient);
			Fuzzer fuzzer = new Fuzzer(patient, this.json, this.port, world.api.address(), new FuzzPlan(world),
					new Samples(world));
			List<Future<?>> tasks = new ArrayList<>();
			// The operations with the largest bodies take longest: started first, they do
			// not hold up the end.
			List<Operation> byCost = new ArrayList<>(operations);
			byCost.sort(Comparator.comparingInt(OpenApiFuzzIntegrationTests::cost).reversed());
			for (Operation operation : byCost) {
				if (NOT_FUZZED.stream().anyMatch(operation.path()::startsWith)) {
					continue;
				}
				tasks.add(pool.submit(() -> {
					long start = System.nanoTime();
					Fuzzer.Outcome outcome = fuzzer.fuzz(operation, findings::add);
					sent.addAndGet(outcome.sent());
					fuzzed.add(operation.key());
					logger.info("fuzzed {} with {} requests in {} ms (valid request: {})", operation.key(),
							outcome.sent(), (System.nanoTime() - start) / 1_000_000, outcome.baseline());
				}));
			}
			for (Future<?> task : tasks) {
				task.get();
			}
		}
		finally {
			pool.shutdownNow();
			FakeGateways.server().removeStub(unknownCodes);
		}
		logger.info("fuzzed {} operations with {} requests in {} s, {} findings", fuzzed.size(), sent.get(),
				(System.nanoTime() - started) / 1_000_000_000, findings.size());
		// Every finding, where the assertion below shows the first few hundred.
		Files.writeString(Path.of("target", "fuzz-findings.txt"), report(findings, findings.size()));
		assertThat(fuzzed).hasSizeGreaterThan(80);
		assertThat(findings).as(() -> report(findings, 400)).isEmpty();
	}

	/**
	 * The document states the bounds of everything a client sends, so clients (and the
	 * fuzzer) know them: a {@code maxLength} for every free string, {@code minimum} and
	 * {@code maximum} for every number, {@code maxItems} for every array, and the
	 * calendar's bounds in the description of every date and date-time.
	 */
	@Test
	void theDocumentBoundsEveryValueAClientSends() {
		ApiDocument document = new ApiDocument(this.json.readTree(this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody()));
		List<String> unbounded = new ArrayList<>();
		for (Operation operation : document.operations()) {
			if (NOT_FUZZED.stream().anyMatch(operation.path()::startsWith)) {
				continue;
			}
			for (Parameter parameter : operation.parameters()) {
				unbounded(parameter.schema(), parameter.description(),
						operation.key() + " " + parameter.in() + " " + parameter.name(), unbounded);
			}
			if (operation.body() != null) {
				unbounded(operation.body().schema(), null, operation.key() + " body", unbounded);
			}
		}
		assertThat(unbounded).as("values a client sends without bounds in the document").isEmpty();
	}

	private static void unbounded(JsonNode schema, @Nullable String description, String where, List<String> found) {
		String type = schema.path("type").asString("");
		String format = schema.path("format").asString("");
		String said = schema.path("description").asString("") + " " + ((description != null) ? description : "");
		switch (type) {
			case "string" -> {
				if (format.equals("date") || format.equals("date-time")) {
					if (!said.contains("1900-01-01") || !said.contains("2100-12-31")) {
						found.add(where + ": a " + format + " without the calendar's bounds in its description");
					}
				}
				else if (format.isEmpty() && !schema.has("enum") && !schema.has("maxLength")) {
					found.add(where + ": a string without maxLength");
				}
			}
			case "integer", "number" -> {
				if (!schema.has("minimum") || !schema.has("maximum")) {
					found.add(where + ": a number without minimum and maximum");
				}
			}
			case "array" -> {
				if (!schema.has("maxItems")) {
					found.add(where + ": an array without maxItems");
				}
				unbounded(schema.path("items"), null, where + "[]", found);
			}
			default -> {
				// objects: their properties, below
			}
		}
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			unbounded(property.getValue(), null, where + "." + property.getKey(), found);
		}
		JsonNode additional = schema.path("additionalProperties");
		if (additional.isObject()) {
			unbounded(additional, null, where + ".*", found);
		}
	}

	/**
	 * Roughly how many requests an operation takes: by its parameters and the size of its
	 * body's schema.
	 */
	private static int cost(Operation operation) {
		Body body = operation.body();
		return operation.parameters().size() + ((body != null) ? body.schema().toString().length() / 40 : 0);
	}

	private static String report(List<Finding> findings, int limit) {
		StringBuilder text = new StringBuilder(findings.size() + " answers were server errors or not problems:\n");
		findings.stream().limit(limit).forEach((finding) -> text.append("  ").append(finding).append('\n'));
		return text.toString();
	}

	/**
	 * Who calls what, which fixture a path names, and the valid values only the
	 * application's state knows.
	 */
	static final class FuzzPlan implements Fuzzer.Plan {

		/**
		 * Callers by "METHOD path" pattern; the first match wins, the system
		 * administrator calls the rest.
		 */
		private static final List<Map.Entry<Pattern, String>> CALLERS = List.of(
				// Logging out ends the token's session: a member of their own for every
				// request.
				Map.entry(Pattern.compile("POST /api/v1/auth/logout"), "fresh member"),
				Map.entry(Pattern.compile("POST /api/v1/auth/.*"), "nobody"),
				Map.entry(Pattern.compile("\\w+ /api/v1/me(/.*)?"), "member"),
				Map.entry(Pattern.compile("POST /api/v1/activities/\\{id}/(checkins|leave-requests)"), "member"),
				Map.entry(Pattern.compile("POST /api/v1/reservations/\\{id}/checkins"), "member"),
				Map.entry(Pattern.compile("POST /api/v1/points/claims"), "member"),
				Map.entry(Pattern.compile("POST /api/v1/volunteer/projects/\\{id}/signups"), "member"), Map.entry(
						Pattern.compile("POST /api/v1/volunteer/signups/\\{id}/(checkin|checkout|cancel)"), "member"));

		private final World world;

		FuzzPlan(World world) {
			this.world = world;
		}

		@Override
		public @Nullable String token(Operation operation) {
			String caller = CALLERS.stream()
				.filter((entry) -> entry.getKey().matcher(operation.key()).matches())
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse("system administrator");
			return switch (caller) {
				case "fresh member" -> this.world.freshMember().token();
				case "nobody" -> null;
				case "member" -> this.world.district.memberA.token();
				default -> this.world.district.sysAdmin.token();
			};
		}

		@Override
		public String pathValue(Operation operation, Parameter parameter) {
			String prefix = operation.path().substring(0, operation.path().indexOf("{" + parameter.name() + "}"));
			return switch (prefix) {
				case "/api/v1/activities/" -> this.world.freshActivity().toString();
				case "/api/v1/leave-requests/" -> this.world.leave();
				case "/api/v1/orgs/" -> this.world.district.branchA.toString();
				case "/api/v1/members/" -> this.world.freshMember().id().toString();
				case "/api/v1/points/claims/" -> this.world.claim();
				case "/api/v1/points/rules/" -> this.world.ruleId;
				case "/api/v1/bases/" -> this.world.freshBase();
				case "/api/v1/reservations/" -> this.world.reservation();
				case "/api/v1/volunteer/projects/" -> this.world.freshProject(60).toString();
				case "/api/v1/volunteer/signups/" -> this.world.signup();
				case "/api/v1/posts/" -> this.world.post();
				// Running a real job for a valid date would greet, remind or mark absent
				// the members of every other
				// test class: the fuzzer runs a job that does not exist, after the body
				// has been checked.
				case "/api/v1/admin/jobs/" ->
					operation.method().equals("POST") ? "fuzz-no-such-job" : "political-birthdays";
				default -> parameter.schema().has("enum") ? parameter.schema().get("enum").get(0).asString()
						: "uuid".equals(parameter.schema().path("format").asString("")) ? UUID.randomUUID().toString()
								: "fuzz";
			};
		}

		@Override
		public @Nullable String queryValue(Operation operation, Parameter parameter) {
			LocalDate today = LocalDate.now(Samples.ZONE);
			return switch (parameter.name()) {
				case "from" -> today.toString();
				case "to" -> today.plusDays(30).toString();
				case "at", "date" -> today.toString();
				case "year" -> String.valueOf(today.getYear());
				case "orgId" -> this.world.district.branchA.toString();
				default -> null;
			};
		}

		@Override
		public @Nullable String headerValue(Operation operation, Parameter parameter) {
			// Member A's phone: one device checks in one member, and member A is the one
			// who checks in.
			return "X-Device-Id".equalsIgnoreCase(parameter.name()) ? "fuzz-device-of-member-a" : null;
		}

		@Override
		public void adjust(Operation operation, Map<String, String> path, Map<String, Object> body) {
			switch (operation.key()) {
				case "POST /api/v1/activities/{id}/checkins" -> {
					body.put("code", this.world.checkInCode(path.get("id")));
					body.put("lat", TestActivities.LAT);
					body.put("lng", TestActivities.LNG);
				}
				// The rule book is the whole installation's: rules that can never score
				// anything (World.harmlessRule).
				case "POST /api/v1/points/rules" -> body.putAll(World.harmlessRule(World.newRuleCode()));
				case "PUT /api/v1/points/rules/{id}" -> body.putAll(World.harmlessRule(this.world.ruleCode));
				// A year without events, for the district's branch: nothing to replay for
				// anyone else.
				case "POST /api/v1/points/recalculations" -> body.put("year", 2000);
				default -> {
					// the samples are valid as they are
				}
			}
		}

		@Override
		public String foreignCursor() {
			return this.world.foreignCursor;
		}

		@Override
		public String text(Operation operation, Body body) {
			if (body.mediaType().contains("csv")) {
				return this.world.rosterFile();
			}
			return (body.example() != null) ? body.example() : "x";
		}

	}

}
