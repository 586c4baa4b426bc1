package cn.partybuilding.reservation;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.BaseFixtures;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;

import static cn.partybuilding.test.BaseFixtures.at;
import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking slots in every channel, every refusal, and reading reservations within scope.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingIntegrationTests {

	@Autowired
	DatabaseClient db;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	BaseFixtures fixtures;

	Map<String, Object> base;

	String baseId;

	Person baseAdmin;

	@BeforeAll
	void setUp() {
		// Its tests book many times for branch A; the limit of bookings awaiting approval
		// has tests of its own.
		this.base = this.fixtures.createRoomyBase();
		this.baseId = (String) this.base.get("id");
		this.baseAdmin = this.fixtures.baseAdmin(this.baseId);
	}

	@Test
	void theSecretaryBooksForTheBranchInTheAppWechatAndOnTheWeb() {
		OffsetDateTime start = at(2, "09:00");
		for (String channel : List.of("APP", "WECHAT", "WEB")) {
			Map<String, Object> body = this.fixtures.booking(this.baseId, start, 4);
			body.put("channel", channel);
			body.put("menuItemIds", List.of(BaseFixtures.menuItem(this.base, 0)));
			Map<String, Object> reservation = this.fixtures.book(this.district.secretaryA.token(), body)
				.expectStatus()
				.isCreated()
				.expectHeader()
				.value("Location", (location) -> assertThat(location).startsWith("/api/v1/reservations/"))
				.expectBody(Api.JSON)
				.returnResult()
				.getResponseBody();
			assertThat(reservation).containsEntry("status", "PENDING")
				.containsEntry("channel", channel)
				.containsEntry("baseId", this.baseId)
				.containsEntry("orgId", this.district.branchA.toString())
				.containsEntry("headcount", 4)
				.containsEntry("menuItemIds", List.of(BaseFixtures.menuItem(this.base, 0)))
				.containsEntry("contactPhone", this.district.secretaryA.phone())
				.containsEntry("createdBy", this.district.secretaryA.id().toString());
			assertThat(OffsetDateTime.parse((String) reservation.get("start"))).isEqualTo(start);
			assertThat(OffsetDateTime.parse((String) reservation.get("end"))).isEqualTo(start.plusHours(1));
		}
		assertThat(slot(start)).containsEntry("booked", 12).containsEntry("remaining", 38);
	}

	@Test
	void theBaseAdminEntersHotlineAndWalkInBookingsForAnyBranch() {
		Map<String, Object> hotline = this.fixtures.booking(this.baseId, at(2, "10:00"), 3);
		hotline.put("channel", "HOTLINE");
		hotline.put("orgId", this.district.branchB.toString());
		this.fixtures.book(this.baseAdmin.token(), hotline)
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.createdBy")
			.isEqualTo(this.baseAdmin.id().toString())
			.jsonPath("$.orgId")
			.isEqualTo(this.district.branchB.toString());
		Map<String, Object> walkIn = this.fixtures.booking(this.baseId, at(2, "10:00"), 3);
		walkIn.put("channel", "WALK_IN");
		walkIn.put("orgId", this.district.otherBranch.toString());
		this.fixtures.book(this.baseAdmin.token(), walkIn).expectStatus().isCreated();
		// Not a branch; no such branch.
		hotline.put("orgId", this.district.community.toString());
		assertProblem(this.fixtures.book(this.baseAdmin.token(), hotline), 422, "BRANCH_REQUIRED");
		hotline.put("orgId", UUID.randomUUID().toString());
		this.fixtures.book(this.baseAdmin.token(), hotline).expectStatus().isNotFound();
	}

	@Test
	void eachChannelIsForItsOwnRole() {
		Map<String, Object> hotline = this.fixtures.booking(this.baseId, at(2, "11:00"), 1);
		hotline.put("channel", "HOTLINE");
		assertProblem(this.fixtures.book(this.district.secretaryA.token(), hotline), 403, "FORBIDDEN");
		assertProblem(this.fixtures.book(this.district.orgAdmin.token(), hotline), 403, "FORBIDDEN");
		Map<String, Object> app = this.fixtures.booking(this.baseId, at(2, "11:00"), 1);
		assertProblem(this.fixtures.book(this.baseAdmin.token(), app), 404, "NOT_FOUND");
		assertProblem(this.fixtures.book(this.district.memberA.token(), app), 403, "FORBIDDEN");
		assertProblem(this.fixtures.book(this.district.orgAdmin.token(), app), 403, "FORBIDDEN");
		assertProblem(this.fixtures.book(this.district.secretaryB.token(), app), 404, "NOT_FOUND");
		assertProblem(this.fixtures.book(this.district.foreignSecretary.token(), app), 404, "NOT_FOUND");
		this.fixtures.book(this.district.sysAdmin.token(), app).expectStatus().isCreated();
		app.put("baseId", UUID.randomUUID().toString());
		assertProblem(this.fixtures.book(this.district.secretaryA.token(), app), 404, "NOT_FOUND");
	}

	@Test
	void aStartOffTheGridOrWhenTheBaseIsClosedIs422SlotInvalid() {
		for (OffsetDateTime start : List.of(at(3, "09:30"), at(3, "12:00"), at(3, "07:00"), at(3, "18:00"),
				at(3, "09:00").plusSeconds(1))) {
			assertProblem(
					this.fixtures.book(this.district.secretaryA.token(), this.fixtures.booking(this.baseId, start, 2)),
					422, "SLOT_INVALID");
		}
	}

	@Test
	void aSlotThatHasBegunIsNotBookedExceptByAGroupWalkingIn() {
		assertProblem(this.fixtures.book(this.district.secretaryA.token(),
				this.fixtures.booking(this.baseId, at(-1, "09:00"), 2)), 422, "SLOT_PASSED");
		Map<String, Object> walkIn = this.fixtures.booking(this.baseId, at(-1, "09:00"), 2);
		walkIn.put("channel", "WALK_IN");
		assertProblem(this.fixtures.book(this.baseAdmin.token(), walkIn), 422, "SLOT_PASSED");
	}

	@Test
	void aGroupWalkingInJoinsTheSlotThatIsUnderWay() {
		ZonedDateTime now = ZonedDateTime.now(BaseFixtures.ZONE);
		// The base opens at the start of the current ten minutes for an hour: not in the
		// last minutes of a day.
		Assumptions.assumeTrue(now.toLocalTime().isBefore(LocalTime.of(23, 40)));
		ZonedDateTime opened = now.truncatedTo(ChronoUnit.HOURS).plusMinutes(now.getMinute() / 10 * 10);
		Map<String, Object> body = BaseFixtures.baseBody(this.district.committee);
		body.put("slotMinutes", 10);
		body.put("openingHours", List.of(Map.of("dayOfWeek", now.getDayOfWeek().name(), "from",
				opened.toLocalTime().toString(), "to", opened.toLocalTime().plusMinutes(19).toString())));
		String underWay = (String) this.fixtures.createBase(body).get("id");
		Person admin = this.fixtures.baseAdmin(underWay);
		Map<String, Object> walkIn = this.fixtures.booking(underWay, opened.toOffsetDateTime(), 8);
		walkIn.put("channel", "WALK_IN");
		this.fixtures.book(admin.token(), walkIn).expectStatus().isCreated();
		assertProblem(this.fixtures.book(this.district.secretaryA.token(),
				this.fixtures.booking(underWay, opened.toOffsetDateTime(), 2)), 422, "SLOT_PASSED");
	}

	@Test
	void menuItemsTakeConsecutiveSlotsHoldSeatsInEachAndMayNotRunPastClosing() {
		Map<String, Object> body = this.fixtures.booking(this.baseId, at(4, "14:00"), 6);
		body.put("menuItemIds", List.of(BaseFixtures.menuItem(this.base, 2), BaseFixtures.menuItem(this.base, 0)));
		Map<String, Object> reservation = this.fixtures.booked(this.district.secretaryA.token(), body);
		assertThat(OffsetDateTime.parse((String) reservation.get("end"))).isEqualTo(at(4, "16:00"));
		assertThat(slot(at(4, "14:00"))).containsEntry("booked", 6);
		assertThat(slot(at(4, "15:00"))).containsEntry("booked", 6);
		assertThat(slot(at(4, "16:00"))).containsEntry("booked", 0);
		body.put("start", at(4, "17:00").toString());
		assertProblem(this.fixtures.book(this.district.secretaryA.token(), body), 422, "PAST_CLOSING")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("18:00"));
	}

	@Test
	void menuItemsNotOnTheMenuAre422NamingThem() {
		Map<String, Object> other = this.fixtures.createBase();
		Map<String, Object> body = this.fixtures.booking(this.baseId, at(4, "09:00"), 2);
		String foreignItem = BaseFixtures.menuItem(other, 0);
		body.put("menuItemIds", List.of(BaseFixtures.menuItem(this.base, 0), foreignItem));
		assertProblem(this.fixtures.book(this.district.secretaryA.token(), body), 422, "MENU_ITEM_UNKNOWN")
			.jsonPath("$.menuItemIds")
			.isEqualTo(List.of(foreignItem));
	}

	@Test
	void aHeadcountThatDoesNotFitIs409AndOneAboveTheCapacity422() {
		OffsetDateTime start = at(5, "09:00");
		this.fixtures.booked(this.district.secretaryA.token(), this.fixtures.booking(this.baseId, start, 45));
		assertProblem(
				this.fixtures.book(this.district.secretaryA.token(), this.fixtures.booking(this.baseId, start, 6)), 409,
				"SLOT_FULL");
		this.fixtures.booked(this.district.secretaryA.token(), this.fixtures.booking(this.baseId, start, 5));
		assertProblem(
				this.fixtures.book(this.district.secretaryA.token(), this.fixtures.booking(this.baseId, start, 1)), 409,
				"SLOT_FULL");
		assertThat(slot(start)).containsEntry("booked", 50).containsEntry("remaining", 0);
		assertProblem(this.fixtures.book(this.district.secretaryA.token(),
				this.fixtures.booking(this.baseId, at(5, "10:00"), 51)), 422, "HEADCOUNT_OVER_CAPACITY");
	}

	@Test
	void badFieldsAre400() {
		Map<String, Object> body = this.fixtures.booking(this.baseId, at(5, "11:00"), 0);
		this.fixtures.book(this.district.secretaryA.token(), body)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("headcount");
		body = this.fixtures.booking(this.baseId, at(5, "11:00"), 2);
		body.put("contactPhone", "12345");
		this.fixtures.book(this.district.secretaryA.token(), body)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("contactPhone");
		body = this.fixtures.booking(this.baseId, at(5, "11:00"), 2);
		body.put("channel", "CARRIER_PIGEON");
		this.fixtures.book(this.district.secretaryA.token(), body).expectStatus().isBadRequest();
		body = this.fixtures.booking(this.baseId, at(5, "11:00"), 2);
		body.put("start", "tomorrow morning");
		this.fixtures.book(this.district.secretaryA.token(), body).expectStatus().isBadRequest();
		assertThat(slot(at(5, "11:00"))).containsEntry("booked", 0);
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyBooksOnce() {
		OffsetDateTime start = at(6, "09:00");
		Map<String, Object> body = this.fixtures.booking(this.baseId, start, 7);
		String key = UUID.randomUUID().toString();
		Map<String, Object> first = bookWithKey(body, key);
		Map<String, Object> again = bookWithKey(body, key);
		assertThat(again).containsEntry("id", first.get("id"));
		assertThat(slot(start)).containsEntry("booked", 7);
	}

	@Test
	void theContactNumberIsShownToTheBaseAdminAndTheBranchSecretaryOnlyAndStoredEncrypted() {
		String id = (String) this.fixtures
			.booked(this.district.secretaryA.token(), this.fixtures.booking(this.baseId, at(6, "10:00"), 2))
			.get("id");
		String phone = this.district.secretaryA.phone();
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		for (Person clear : List.of(this.baseAdmin, this.district.secretaryA)) {
			get(clear, id).jsonPath("$.contactPhone").isEqualTo(phone);
		}
		for (Person other : List.of(this.district.memberA, this.district.orgAdmin, this.district.sysAdmin)) {
			get(other, id).jsonPath("$.contactPhone").isEqualTo(masked);
		}
		String dump = String.join("\n",
				this.db.sql("SELECT row_to_json(r)::text AS line FROM reservations r")
					.map((row) -> row.get("line", String.class))
					.all()
					.collectList()
					.block());
		assertThat(dump).contains(id).doesNotContain(phone).doesNotContain(phone.substring(3));
	}

	@Test
	void aReservationIsSeenWithinScopeOnly() {
		String id = (String) this.fixtures
			.booked(this.district.secretaryA.token(), this.fixtures.booking(this.baseId, at(6, "11:00"), 2))
			.get("id");
		for (Person seeing : List.of(this.district.memberA, this.district.secretaryA, this.district.orgAdmin,
				this.baseAdmin, this.district.sysAdmin)) {
			get(seeing, id).jsonPath("$.id").isEqualTo(id);
		}
		for (Person outsider : List.of(this.district.memberB, this.district.secretaryB, this.district.foreignSecretary,
				this.district.foreignOrgAdmin)) {
			this.api.get(outsider.token(), "/api/v1/reservations/{id}", id).exchange().expectStatus().isNotFound();
		}
		this.api.get(this.district.memberA.token(), "/api/v1/reservations/{id}", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theBranchAndTheBaseListTheirReservationsNewestFirstPageByPage() {
		Map<String, Object> base = this.fixtures.createBase();
		String baseId = (String) base.get("id");
		Person admin = this.fixtures.baseAdmin(baseId);
		Set<Object> mine = new HashSet<>();
		for (int i = 0; i < 3; i++) {
			mine.add(this.fixtures
				.booked(this.district.secretaryA.token(), this.fixtures.booking(baseId, at(7, "09:00"), 1))
				.get("id"));
		}
		Map<String, Object> ofB = this.fixtures.booking(baseId, at(7, "10:00"), 1);
		ofB.put("orgId", this.district.branchB.toString());
		String reservationOfB = (String) this.fixtures.booked(this.district.secretaryB.token(), ofB).get("id");
		List<Object> byBase = pages(admin, "baseId=" + baseId);
		assertThat(byBase).hasSize(4).contains(reservationOfB).containsAll(mine);
		assertThat(byBase.get(0)).isEqualTo(reservationOfB);
		assertThat(pages(this.district.orgAdmin, "baseId=" + baseId)).hasSize(4);
		// The base's admin (a member of branch B) filters by branch A: overseeing the
		// base suffices.
		assertThat(pages(admin, "baseId=" + baseId + "&orgId=" + this.district.branchA))
			.containsExactlyInAnyOrderElementsOf(mine);
		assertThat(pages(this.district.secretaryA, "baseId=" + baseId + "&orgId=" + this.district.branchA))
			.containsExactlyInAnyOrderElementsOf(mine);
		assertThat(pages(this.district.secretaryB, "orgId=" + this.district.branchB)).contains(reservationOfB)
			.doesNotContainAnyElementsOf(mine);
		assertThat(pages(this.district.orgAdmin, "orgId=" + this.district.community + "&baseId=" + baseId)).hasSize(4);
		this.fixtures.act(admin.token(), reservationOfB, "approve", Map.of()).expectStatus().isOk();
		assertThat(pages(admin, "baseId=" + baseId + "&status=APPROVED")).containsExactly(reservationOfB);
		assertThat(pages(admin, "baseId=" + baseId + "&status=PENDING")).containsExactlyInAnyOrderElementsOf(mine);
		Map<String, Object> page = this.api.get(admin.token(), "/api/v1/reservations?baseId={b}&limit=2", baseId)
			.exchange()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat((List<Object>) page.get("items")).hasSize(2);
		assertThat(page.get("nextCursor")).isNotNull();
	}

	@Test
	void listingOutsideTheCallersScopeIsRefused() {
		this.api.get(this.district.foreignSecretary.token(), "/api/v1/reservations?orgId={o}", this.district.branchA)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.get(this.district.secretaryB.token(), "/api/v1/reservations?orgId={o}", this.district.branchA)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.get(this.district.secretaryA.token(), "/api/v1/reservations?baseId={b}", this.baseId)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.api.get(this.district.foreignOrgAdmin.token(), "/api/v1/reservations?baseId={b}", this.baseId)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.api.get(this.district.secretaryA.token(), "/api/v1/reservations?baseId={b}", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound();
		this.api.get(this.district.secretaryA.token(), "/api/v1/reservations")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("baseId");
		this.api
			.get(this.district.secretaryA.token(), "/api/v1/reservations?orgId={o}&status=LOST", this.district.branchA)
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@SuppressWarnings("unchecked")
	private List<Object> pages(Person person, String query) {
		List<Object> ids = new java.util.ArrayList<>();
		String cursor = null;
		do {
			Map<String, Object> page = this.api.getJson(person.token(),
					"/api/v1/reservations?limit=1&" + query + ((cursor != null) ? "&cursor=" + cursor : ""));
			((List<Map<String, Object>>) page.get("items")).forEach((item) -> ids.add(item.get("id")));
			cursor = (String) page.get("nextCursor");
		}
		while (cursor != null);
		return ids;
	}

	private Map<String, Object> bookWithKey(Map<String, Object> body, String key) {
		return this.api.post(this.district.secretaryA.token(), "/api/v1/reservations")
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.BodyContentSpec get(Person person, String id) {
		return this.api.get(person.token(), "/api/v1/reservations/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> slot(OffsetDateTime start) {
		return ((List<Map<String, Object>>) (List<?>) this.api
			.get(this.district.memberA.token(), "/api/v1/bases/{id}/availability?date={date}", this.baseId,
					start.toLocalDate())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()).stream()
			.filter((slot) -> OffsetDateTime.parse((String) slot.get("start")).isEqual(start))
			.findFirst()
			.orElseThrow();
	}

}
