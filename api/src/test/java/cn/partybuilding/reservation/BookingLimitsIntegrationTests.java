package cn.partybuilding.reservation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.BaseFixtures;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;

import static cn.partybuilding.test.BaseFixtures.at;
import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bases cannot be hoarded: a booking reaches at most the base's horizon ahead (60 days
 * unless the base says otherwise), and a branch holds at most the base's number of
 * bookings awaiting approval there (3 unless the base says otherwise), however many it
 * fires at once.
 */
@IntegrationTest
class BookingLimitsIntegrationTests {

	@Autowired
	DatabaseClient db;

	@LocalServerPort
	int port;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	BaseFixtures fixtures;

	@Test
	void aBaseTakesBookingsUpToSixtyDaysAheadByDefault() {
		Map<String, Object> base = this.fixtures.createBase();
		assertThat(base).containsEntry("bookingHorizonDays", 60)
			.containsEntry("maxPendingPerBranch", 3)
			.containsEntry("checkInRadiusMeters", 500);
		String id = (String) base.get("id");
		assertProblem(
				this.fixtures.book(this.district.secretaryA.token(), this.fixtures.booking(id, at(61, "09:00"), 5)),
				422, "BOOKING_BEYOND_HORIZON")
			.jsonPath("$.bookingHorizonDays")
			.isEqualTo(60);
		assertProblem(
				this.fixtures.book(this.district.secretaryA.token(), this.fixtures.booking(id, at(3650, "09:00"), 5)),
				422, "BOOKING_BEYOND_HORIZON");
		// The base's own admin entering a hotline booking is bound by it too.
		Person admin = this.fixtures.baseAdmin(id);
		Map<String, Object> hotline = this.fixtures.booking(id, at(61, "10:00"), 5);
		hotline.put("channel", "HOTLINE");
		assertProblem(this.fixtures.book(admin.token(), hotline), 422, "BOOKING_BEYOND_HORIZON");
		this.fixtures.booked(this.district.secretaryA.token(), this.fixtures.booking(id, at(60, "09:00"), 5));
		assertThat(reservations(id)).isEqualTo(1);
	}

	@Test
	void eachBaseSetsItsOwnHorizonPendingLimitAndRadiusAndKeepsThemWhenReplacedWithout() {
		Map<String, Object> body = BaseFixtures.baseBody(this.district.committee);
		body.put("bookingHorizonDays", 7);
		body.put("maxPendingPerBranch", 1);
		body.put("checkInRadiusMeters", 150);
		Map<String, Object> base = this.fixtures.createBase(body);
		assertThat(base).containsEntry("bookingHorizonDays", 7)
			.containsEntry("maxPendingPerBranch", 1)
			.containsEntry("checkInRadiusMeters", 150);
		String id = (String) base.get("id");
		assertProblem(
				this.fixtures.book(this.district.secretaryA.token(), this.fixtures.booking(id, at(8, "09:00"), 5)), 422,
				"BOOKING_BEYOND_HORIZON")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("7"));
		this.fixtures.booked(this.district.secretaryA.token(), this.fixtures.booking(id, at(7, "09:00"), 5));
		assertProblem(
				this.fixtures.book(this.district.secretaryA.token(), this.fixtures.booking(id, at(6, "09:00"), 5)), 422,
				"TOO_MANY_PENDING_BOOKINGS");

		// Replaced without them (an older console): they stay as they were.
		this.fixtures
			.put(this.district.orgAdmin.token(), "/api/v1/bases/{id}", BaseFixtures.baseBody(this.district.committee),
					id)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.bookingHorizonDays")
			.isEqualTo(7)
			.jsonPath("$.maxPendingPerBranch")
			.isEqualTo(1)
			.jsonPath("$.checkInRadiusMeters")
			.isEqualTo(150);
		Map<String, Object> changed = BaseFixtures.baseBody(this.district.committee);
		changed.put("bookingHorizonDays", 30);
		changed.put("maxPendingPerBranch", 2);
		this.fixtures.put(this.district.orgAdmin.token(), "/api/v1/bases/{id}", changed, id)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.bookingHorizonDays")
			.isEqualTo(30)
			.jsonPath("$.checkInRadiusMeters")
			.isEqualTo(150);
		this.fixtures.booked(this.district.secretaryA.token(), this.fixtures.booking(id, at(30, "09:00"), 5));

		for (Map.Entry<String, Integer> wrong : List.of(Map.entry("bookingHorizonDays", 0),
				Map.entry("bookingHorizonDays", 731), Map.entry("maxPendingPerBranch", 0),
				Map.entry("maxPendingPerBranch", 101), Map.entry("checkInRadiusMeters", 0),
				Map.entry("checkInRadiusMeters", 5001))) {
			Map<String, Object> invalid = BaseFixtures.baseBody(this.district.committee);
			invalid.put(wrong.getKey(), wrong.getValue());
			this.api.post(this.district.orgAdmin.token(), "/api/v1/bases")
				.bodyValue(invalid)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo(wrong.getKey());
		}
	}

	@Test
	void aBranchHoldsAtMostThreeBookingsAwaitingApprovalAtABase() {
		String base = (String) this.fixtures.createBase().get("id");
		Person admin = this.fixtures.baseAdmin(base);
		String secretary = this.district.secretaryA.token();
		String first = (String) this.fixtures.booked(secretary, this.fixtures.booking(base, at(2, "09:00"), 2))
			.get("id");
		this.fixtures.booked(secretary, this.fixtures.booking(base, at(2, "10:00"), 2));
		this.fixtures.booked(secretary, this.fixtures.booking(base, at(2, "11:00"), 2));
		assertProblem(this.fixtures.book(secretary, this.fixtures.booking(base, at(2, "14:00"), 2)), 422,
				"TOO_MANY_PENDING_BOOKINGS");
		// Not by phone through the base either.
		Map<String, Object> hotline = this.fixtures.booking(base, at(2, "15:00"), 2);
		hotline.put("channel", "HOTLINE");
		assertProblem(this.fixtures.book(admin.token(), hotline), 422, "TOO_MANY_PENDING_BOOKINGS");
		// Another branch has its own three.
		Map<String, Object> branchB = this.fixtures.booking(base, at(2, "14:00"), 2);
		branchB.put("orgId", this.district.branchB.toString());
		this.fixtures.booked(this.district.secretaryB.token(), branchB);
		// Once one is decided, the branch may book again; approved bookings hold seats
		// but wait for nothing.
		this.fixtures.act(admin.token(), first, "approve", Map.of()).expectStatus().isOk();
		String fourth = (String) this.fixtures.booked(secretary, this.fixtures.booking(base, at(2, "14:00"), 2))
			.get("id");
		assertProblem(this.fixtures.book(secretary, this.fixtures.booking(base, at(2, "15:00"), 2)), 422,
				"TOO_MANY_PENDING_BOOKINGS");
		this.fixtures.act(secretary, fourth, "cancel", Map.of()).expectStatus().isOk();
		this.fixtures.booked(secretary, this.fixtures.booking(base, at(2, "15:00"), 2));
		// At another base the branch starts afresh.
		String other = (String) this.fixtures.createBase().get("id");
		this.fixtures.booked(secretary, this.fixtures.booking(other, at(2, "09:00"), 2));
		assertThat(pending(base, this.district.branchA)).isEqualTo(3);
	}

	@Test
	void aBookingLeftPendingPastItsSlotNoLongerCounts() {
		String base = (String) this.fixtures.createBase().get("id");
		String secretary = this.district.secretaryA.token();
		String stale = (String) this.fixtures.booked(secretary, this.fixtures.booking(base, at(2, "09:00"), 2))
			.get("id");
		this.fixtures.booked(secretary, this.fixtures.booking(base, at(2, "10:00"), 2));
		this.fixtures.booked(secretary, this.fixtures.booking(base, at(2, "11:00"), 2));
		assertProblem(this.fixtures.book(secretary, this.fixtures.booking(base, at(3, "09:00"), 2)), 422,
				"TOO_MANY_PENDING_BOOKINGS");
		// Its slot passed without a decision: it holds nothing anyone could use.
		this.db
			.sql("UPDATE reservations SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' "
					+ "WHERE id = :id")
			.bind("id", UUID.fromString(stale))
			.then()
			.block();
		this.fixtures.booked(secretary, this.fixtures.booking(base, at(3, "09:00"), 2));
	}

	@Test
	void twentyBookingsOfOneBranchFiredAtOnceLeaveThreeAwaitingApproval() {
		String base = (String) this.fixtures.createBase().get("id");
		WebClient web = WebClient.create("http://localhost:" + this.port);
		String[] hours = { "08:00", "09:00", "10:00", "11:00", "14:00", "15:00", "16:00", "17:00" };
		List<Integer> statuses = Flux.range(0, 20)
			.flatMap((i) -> web.post()
				.uri("/api/v1/reservations")
				.headers((headers) -> headers.setBearerAuth(this.district.secretaryA.token()))
				.bodyValue(this.fixtures.booking(base, at(2 + i / hours.length, hours[i % hours.length]), 1))
				.exchangeToMono((response) -> response.bodyToMono(Api.JSON)
					.defaultIfEmpty(Map.of())
					.map((answer) -> (response.statusCode().value() == 422)
							? ("TOO_MANY_PENDING_BOOKINGS".equals(answer.get("code")) ? 422 : -1)
							: response.statusCode().value())),
					20)
			.collectList()
			.block(Duration.ofMinutes(1));
		assertThat(statuses).hasSize(20);
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(3);
		assertThat(statuses).filteredOn((status) -> status == 422).hasSize(17);
		assertThat(pending(base, this.district.branchA)).isEqualTo(3);
	}

	private long pending(String base, UUID branch) {
		return this.db
			.sql("SELECT count(*) AS n FROM reservations WHERE base_id = :b AND org_id = :o "
					+ "AND status = 'PENDING'")
			.bind("b", UUID.fromString(base))
			.bind("o", branch)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	private long reservations(String base) {
		return this.db.sql("SELECT count(*) AS n FROM reservations WHERE base_id = :b")
			.bind("b", UUID.fromString(base))
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

}
