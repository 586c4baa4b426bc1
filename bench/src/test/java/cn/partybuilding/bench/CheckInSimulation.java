package cn.partybuilding.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;


/**
 * Check-ins against the running server, open model: every virtual user is one member checking in once to one
 * activity ({@code POST /activities/{id}/checkins {code, lat, lng}} from the member's own phone, {@code X-Device-Id},
 * answering 201), arriving at the given rate
 * whatever the server's latency. Phases ({@code -Dbench.phase}):
 * <ul>
 * <li>{@code steps}: {@code -Dbench.rates=250,500,...} users per second for {@code -Dbench.stepSeconds} each, one
 * after the other; each step is its own request name, so the report has p50/p95/p99 per step; once a step has
 * clearly overloaded the server (100 answers over 2 s or none), the steps above it send nothing;</li>
 * <li>{@code load}: {@code -Dbench.rate} users per second for {@code -Dbench.seconds} (on the activities of
 * {@code -Dbench.activitySet}, by default those of the phase; named {@code -Dbench.name});</li>
 * <li>{@code burst}: {@code -Dbench.users} users at once on a fresh activity.</li>
 * </ul>
 * With {@code -Dbench.clientWarmupSeconds}, each phase starts after that long a warm-up of the load generator
 * itself, recorded apart as {@code client warm-up}: a ramp from a tenth of {@code -Dbench.clientWarmupRate} up to it,
 * by default the phase's (first) rate, or 200/s before a burst.
 * {@code -Dbench.dir} is the work directory {@code bench/checkin} seeded, {@code -Dbench.baseUrl} the server,
 * {@code -Dbench.out} where the figures go ({@link Latencies}).
 */
public final class CheckInSimulation extends Simulation {

	private final String phase = System.getProperty("bench.phase", "steps");

	private final BenchData data;

	private final CheckInCodes codes;

	private final Iterator<Map<String, Object>> pairs;

	private final Latencies latencies = new Latencies();

	/** The first step where 100 answers took over 2 s or never came. */
	private final AtomicInteger overloadedStep = new AtomicInteger(Integer.MAX_VALUE);

	private final AtomicInteger slowAnswers = new AtomicInteger();

	public CheckInSimulation() throws Exception {
		String baseUrl = System.getProperty("bench.baseUrl", "http://127.0.0.1:8080");
		this.data = new BenchData(Path.of(System.getProperty("bench.dir")),
				System.getProperty("bench.activitySet", this.phase));
		this.codes = new CheckInCodes(baseUrl, this.data::secretaryToken, this.data.activities);
		this.pairs = this.data.pairs();
		// Connections are kept alive and shared, as behind a proxy: a new TCP connection per check-in would measure
		// the kernel's ephemeral ports rather than the server (loopback runs out of them at a few hundred a second).
		HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
			.acceptHeader("application/json")
			.contentTypeHeader("application/json")
			.shareConnections();
		List<PopulationBuilder> populations = switch (this.phase) {
			case "steps" -> steps();
			case "load" -> warmedUp(clientWarmupRate(rate("bench.rate")), scenario("load")
				.exec(checkIn(System.getProperty("bench.name", "load") + " " + rate("bench.rate") + "/s"))
				.injectOpen(constantUsersPerSec(rate("bench.rate")).during(seconds("bench.seconds"))));
			case "burst" -> warmedUp(Integer.getInteger("bench.clientWarmupRate", 200), scenario("burst")
				.exec(checkIn("burst " + rate("bench.users")))
				.injectOpen(atOnceUsers(rate("bench.users"))));
			default -> throw new IllegalArgumentException("bench.phase: steps, load or burst");
		};
		setUp(populations).protocols(protocol).maxDuration(Duration.ofMinutes(10));
	}

	@Override
	public void before() {
		this.codes.start();
	}

	@Override
	public void after() {
		this.codes.close();
		try {
			String out = System.getProperty("bench.out");
			this.latencies.write(Path.of(out));
			this.latencies.writeTimeline(Path.of(out.replaceFirst("\\.tsv$", "") + ".timeline.tsv"),
					Integer.getInteger("bench.sliceMillis", 1000));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The phase after {@code -Dbench.clientWarmupSeconds} of check-ins ramping up to {@code rate} per second, named
	 * {@code client warm-up}: a fresh Gatling JVM compiles its own code during its first seconds and counts that time
	 * as response time, and its connections to the server open as the rate grows, so the measured phase starts once
	 * the load generator runs warm at the phase's rate (the server is warm already). A step from a slower warm-up to
	 * the phase's rate cost the first seconds of each phase a few hundred milliseconds (2026-12-06: 1,000/s to
	 * 2,800/s, p99 434 ms, 399 ms, 187 ms in its first three seconds, then 20-120 ms). Starts when every warm-up
	 * check-in has been answered.
	 */
	private List<PopulationBuilder> warmedUp(int rate, PopulationBuilder phase) {
		long warmup = Long.getLong("bench.clientWarmupSeconds", 0);
		if (warmup <= 0) {
			return List.of(phase);
		}
		return List.of(scenario("client warm-up").exec(checkIn("client warm-up up to " + rate + "/s"))
			.injectOpen(rampUsersPerSec(Math.max(1, rate / 10)).to(rate).during(Duration.ofSeconds(warmup)))
			.andThen(phase));
	}

	/** The rate the load generator's warm-up ramps up to before a phase at {@code rate}: the phase's own. */
	private static int clientWarmupRate(int rate) {
		return Integer.getInteger("bench.clientWarmupRate", rate);
	}

	/** The steps one after the other (each starts when the previous one's users are all answered). */
	private List<PopulationBuilder> steps() {
		int[] rates = Arrays.stream(System.getProperty("bench.rates", "250,500").split(","))
			.map(String::trim)
			.mapToInt(Integer::parseInt)
			.toArray();
		Duration step = seconds("bench.stepSeconds");
		List<PopulationBuilder> steps = new ArrayList<>();
		for (int i = 0; i < rates.length; i++) {
			String name = "step " + rates[i] + "/s";
			int index = i;
			// Once a step has clearly overloaded the server, the steps above it send nothing (bounded run time).
			steps.add(scenario(name).doIf((session) -> index <= this.overloadedStep.get())
				.then(checkIn(name).exec((session) -> {
					if (session.contains("millis") ? session.getInt("millis") > 2000 : true) {
						if (this.slowAnswers.incrementAndGet() == 100) {
							this.overloadedStep.compareAndSet(Integer.MAX_VALUE, index);
						}
					}
					return session;
				}))
				.injectOpen(constantUsersPerSec(rates[i]).during(step)));
		}
		PopulationBuilder chained = steps.get(steps.size() - 1);
		for (int i = steps.size() - 2; i >= 0; i--) {
			chained = steps.get(i).andThen(chained);
		}
		return warmedUp(clientWarmupRate(rates[0]), chained);
	}

	private ChainBuilder checkIn(String name) {
		return feed(this.pairs).exec(http(name).post("/api/v1/activities/#{activityId}/checkins")
			.header("Authorization", "Bearer #{token}")
			.header("X-Device-Id", "#{device}")
			// About 30 m from the venue (radius 500 m).
			.body(StringBody((session) -> "{\"code\":\"" + this.codes.current(session.getString("activityId"))
					+ "\",\"lat\":39.9045,\"lng\":116.4074}"))
			// Time and status saved first: a failed check stops the checks after it.
			.check(responseTimeInMillis().saveAs("millis"), status().saveAs("status"), status().is(201)))
			.exec((session) -> {
				this.latencies.record(name, System.currentTimeMillis() - (session.contains("millis")
						? session.getInt("millis") : 0), session.contains("millis") ? session.getInt("millis") : null,
						session.contains("status") ? session.getInt("status") : null);
				return session;
			});
	}

	private static int rate(String property) {
		return Integer.parseInt(System.getProperty(property));
	}

	private static Duration seconds(String property) {
		return Duration.ofSeconds(Long.parseLong(System.getProperty(property, "30")));
	}

}
