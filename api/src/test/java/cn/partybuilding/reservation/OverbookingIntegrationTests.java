package cn.partybuilding.reservation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.BaseFixtures;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A base slot is never overbooked: hundreds of bookings of different sizes fired at one
 * 50-seat slot at once, by the branch's secretary in the app and by the base's admin on
 * the phone, with and without cancellations and approvals in between. The seats held
 * always equal what the accepted reservations hold, never exceed the capacity, and every
 * refusal is a clean {@code SLOT_FULL}. The database refuses an overbooked slot even if
 * the code tried.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverbookingIntegrationTests {

	static final int ATTEMPTS = 640;

	static final int CLIENT_CONCURRENCY = 128;

	static final int CAPACITY = 50;

	@Autowired
	DatabaseClient db;

	@LocalServerPort
	int port;

	@Autowired
	TestDistrict district;

	@Autowired
	BaseFixtures fixtures;

	ConnectionProvider connections;

	WebClient web;

	@BeforeAll
	void setUp() {
		// As many connections as requests in flight: the client must not be what
		// serializes the bookings.
		this.connections = ConnectionProvider.builder("bookings")
			.maxConnections(CLIENT_CONCURRENCY)
			.pendingAcquireMaxCount(ATTEMPTS * 4)
			.build();
		this.web = WebClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.connections)))
			.build();
	}

	@AfterAll
	void tearDown() {
		this.connections.dispose();
	}

	@Test
	void concurrentBookingsNeverTakeMoreSeatsThanTheSlotHas() {
		Slot slot = newSlot();
		List<Outcome> outcomes = Flux.range(0, ATTEMPTS)
			.flatMap((i) -> book(slot, i), CLIENT_CONCURRENCY)
			.collectList()
			.block(Duration.ofMinutes(3));
		List<Outcome> accepted = outcomes.stream().filter((outcome) -> outcome.status() == 201).toList();
		List<Outcome> refused = outcomes.stream().filter((outcome) -> outcome.status() != 201).toList();
		assertThat(refused).allSatisfy((outcome) -> {
			assertThat(outcome.status()).isEqualTo(409);
			assertThat(outcome.code()).isEqualTo("SLOT_FULL");
		});
		assertThat(accepted.size() + refused.size()).isEqualTo(ATTEMPTS);
		int acceptedSeats = accepted.stream().mapToInt(Outcome::headcount).sum();
		assertThat(acceptedSeats).isEqualTo(heldByReservations(slot)).isEqualTo(booked(slot));
		assertThat(booked(slot)).isLessThanOrEqualTo(CAPACITY)
			// With hundreds of small bookings left over, the slot fills up.
			.isGreaterThan(CAPACITY - 6);
		assertThat(accepted).hasSizeGreaterThan(1);
	}

	@Test
	void concurrentBookingsWithCancellationsAndApprovalsInBetweenNeverOverbookEither() {
		Slot slot = newSlot();
		List<Outcome> outcomes = Flux.range(0, ATTEMPTS)
			.flatMap((i) -> book(slot, i).flatMap((outcome) -> followUp(slot, outcome)), CLIENT_CONCURRENCY)
			.collectList()
			.block(Duration.ofMinutes(3));
		assertThat(outcomes).hasSize(ATTEMPTS).allSatisfy((outcome) -> {
			assertThat(outcome.status()).isIn(201, 409);
			if (outcome.status() == 409) {
				assertThat(outcome.code()).isEqualTo("SLOT_FULL");
			}
			assertThat(outcome.followUpStatus()).as("approve or cancel").isIn(0, 200);
		});
		List<Outcome> accepted = outcomes.stream().filter((outcome) -> outcome.status() == 201).toList();
		int cancelledSeats = accepted.stream().filter(Outcome::cancelled).mapToInt(Outcome::headcount).sum();
		int acceptedSeats = accepted.stream().mapToInt(Outcome::headcount).sum();
		assertThat(accepted.stream().filter(Outcome::cancelled)).isNotEmpty();
		// Cancelled seats were booked again: more seats were accepted than the slot has.
		assertThat(acceptedSeats).isGreaterThan(CAPACITY);
		assertThat(acceptedSeats - cancelledSeats).isEqualTo(heldByReservations(slot)).isEqualTo(booked(slot));
		assertThat(booked(slot)).isLessThanOrEqualTo(CAPACITY);
		assertThat(statusCount(slot, "APPROVED")).isPositive();
	}

	@Test
	void ofManyConcurrentChangesOfOneReservationOneAppliesAndItsSeatsComeBackOnce() {
		Slot slot = newSlot();
		String kept = (String) this.fixtures
			.booked(this.district.secretaryA.token(), this.fixtures.booking(slot.baseId(), slot.start(), 5))
			.get("id");
		String cancelled = (String) this.fixtures
			.booked(this.district.secretaryA.token(), this.fixtures.booking(slot.baseId(), slot.start(), 10))
			.get("id");
		List<Outcome> cancels = Flux.range(0, 32)
			.flatMap((i) -> act((i % 2 == 0) ? this.district.secretaryA : slot.admin(), cancelled, "cancel"), 32)
			.collectList()
			.block(Duration.ofMinutes(1));
		assertThat(cancels).filteredOn((outcome) -> outcome.status() == 200).hasSize(1);
		assertThat(cancels).filteredOn((outcome) -> outcome.status() != 200)
			.hasSize(31)
			.allSatisfy((outcome) -> assertThat(outcome.code()).isEqualTo("ILLEGAL_STATE"));
		assertThat(booked(slot)).isEqualTo(5);
		List<Outcome> approvals = Flux.range(0, 32)
			.flatMap((i) -> act(slot.admin(), kept, "approve"), 32)
			.collectList()
			.block(Duration.ofMinutes(1));
		assertThat(approvals).filteredOn((outcome) -> outcome.status() == 200).hasSize(1);
		assertThat(outcomeRows(cancelled)).isEqualTo(1);
		assertThat(outcomeRows(kept)).isEqualTo(1);
	}

	@Test
	void theDatabaseRefusesAnOverbookedSlotWhateverTheCodeDoes() {
		Slot slot = newSlot();
		this.fixtures.booked(this.district.secretaryA.token(), this.fixtures.booking(slot.baseId(), slot.start(), 3));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.db.sql("UPDATE base_slots SET booked = capacity + 1 WHERE base_id = :base")
				.bind("base", UUID.fromString(slot.baseId()))
				.then()
				.block());
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.db.sql("UPDATE base_slots SET booked = -1 WHERE base_id = :base")
				.bind("base", UUID.fromString(slot.baseId()))
				.then()
				.block());
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.db.sql("UPDATE base_slots SET capacity = booked - 1 WHERE base_id = :base")
				.bind("base", UUID.fromString(slot.baseId()))
				.then()
				.block());
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.db.sql("""
				INSERT INTO base_slots (base_id, starts_at, ends_at, capacity, booked)
				VALUES (:base, :start, :start + interval '1 hour', 50, 51)""")
			.bind("base", UUID.fromString(slot.baseId()))
			.bind("start", slot.start().plusDays(1))
			.then()
			.block());
		assertThat(booked(slot)).isEqualTo(3);
	}

	/**
	 * A new base (50 seats) and a slot of it two days ahead, with an admin. A branch may
	 * hold up to 100 bookings awaiting approval there, not 3: what is under test here is
	 * the seats (BookingLimitsIntegrationTests tests the limit, in parallel too).
	 */
	private Slot newSlot() {
		String baseId = (String) this.fixtures.createRoomyBase().get("id");
		return new Slot(baseId, BaseFixtures.at(2, "09:00"), this.fixtures.baseAdmin(baseId));
	}

	/**
	 * Booking number {@code i}: 1 to 6 people (the same sizes every run); every other one
	 * entered by the base's admin for branch B on the phone, the rest by branch A's
	 * secretary in the app.
	 */
	private Mono<Outcome> book(Slot slot, int i) {
		int headcount = 1 + new Random(2026L * 1_000 + i).nextInt(6);
		boolean byPhone = i % 2 == 1;
		Map<String, Object> body = this.fixtures.booking(slot.baseId(), slot.start(), headcount);
		if (byPhone) {
			body.put("channel", "HOTLINE");
			body.put("orgId", this.district.branchB.toString());
		}
		String token = byPhone ? slot.admin().token() : this.district.secretaryA.token();
		return this.web.post()
			.uri("/api/v1/reservations")
			.headers((headers) -> headers.setBearerAuth(token))
			.bodyValue(body)
			.exchangeToMono((response) -> response.bodyToMono(Api.JSON)
				.defaultIfEmpty(Map.of())
				.map((answer) -> new Outcome(i, headcount, response.statusCode().value(), (String) answer.get("code"),
						(String) answer.get("id"), 0, false)));
	}

	/**
	 * Every third accepted booking is cancelled right away, every third one approved, the
	 * rest left pending.
	 */
	private Mono<Outcome> followUp(Slot slot, Outcome booked) {
		if (booked.status() != 201 || booked.index() % 3 == 2) {
			return Mono.just(booked);
		}
		boolean cancel = booked.index() % 3 == 0;
		// Branch A's secretary cancels their own bookings; the base's admin does the
		// rest.
		String token = (cancel && booked.index() % 2 == 0) ? this.district.secretaryA.token() : slot.admin().token();
		return this.web.post()
			.uri("/api/v1/reservations/{id}/{action}", booked.id(), cancel ? "cancel" : "approve")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchangeToMono((response) -> response.releaseBody()
				.thenReturn(new Outcome(booked.index(), booked.headcount(), booked.status(), booked.code(), booked.id(),
						response.statusCode().value(), cancel && response.statusCode().value() == 200)));
	}

	private Mono<Outcome> act(Person person, String id, String action) {
		return this.web.post()
			.uri("/api/v1/reservations/{id}/{action}", id, action)
			.headers((headers) -> headers.setBearerAuth(person.token()))
			.exchangeToMono((response) -> response.bodyToMono(Api.JSON)
				.defaultIfEmpty(Map.of())
				.map((answer) -> new Outcome(0, 0, response.statusCode().value(), (String) answer.get("code"), id, 0,
						false)));
	}

	private int outcomeRows(String reservationId) {
		return this.db.sql("SELECT count(*)::int AS n FROM reservation_outcomes WHERE reservation_id = :id")
			.bind("id", UUID.fromString(reservationId))
			.map((row) -> row.get("n", Integer.class))
			.one()
			.block();
	}

	private int heldByReservations(Slot slot) {
		return this.db.sql("""
				SELECT coalesce(sum(headcount), 0)::int AS seats FROM reservations
				WHERE base_id = :base AND starts_at = :start AND status IN ('PENDING', 'APPROVED')""")
			.bind("base", UUID.fromString(slot.baseId()))
			.bind("start", slot.start())
			.map((row) -> row.get("seats", Integer.class))
			.one()
			.block();
	}

	private int statusCount(Slot slot, String status) {
		return this.db.sql("""
				SELECT count(*)::int AS n FROM reservations WHERE base_id = :base AND status = :status""")
			.bind("base", UUID.fromString(slot.baseId()))
			.bind("status", status)
			.map((row) -> row.get("n", Integer.class))
			.one()
			.block();
	}

	private int booked(Slot slot) {
		return this.db.sql("SELECT booked FROM base_slots WHERE base_id = :base AND starts_at = :start")
			.bind("base", UUID.fromString(slot.baseId()))
			.bind("start", slot.start())
			.map((row) -> row.get("booked", Integer.class))
			.one()
			.block();
	}

	/**
	 * The slot under test.
	 *
	 * @param baseId its base
	 * @param start when it begins
	 * @param admin the base's admin
	 */
	record Slot(String baseId, OffsetDateTime start, Person admin) {
	}

	/**
	 * What became of one booking attempt.
	 *
	 * @param index which attempt
	 * @param headcount seats asked for
	 * @param status the booking's HTTP status
	 * @param code its problem code, if refused
	 * @param id the reservation, if accepted
	 * @param followUpStatus the status of approving or cancelling it (0: neither was
	 * tried)
	 * @param cancelled whether it was cancelled
	 */
	record Outcome(int index, int headcount, int status, @Nullable String code, @Nullable String id, int followUpStatus,
			boolean cancelled) {
	}

}
