package cn.partybuilding.base;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

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
import static cn.partybuilding.test.BaseFixtures.baseBody;
import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog of bases and the availability of their slots, through the API. One district
 * serves every test: each makes bases of its own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaseIntegrationTests {

	@Autowired
	DatabaseClient db;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	BaseFixtures fixtures;

	@Test
	@SuppressWarnings("unchecked")
	void anOrgAdminCreatesABaseThatEveryMemberReads() {
		Map<String, Object> base = this.api.post(this.district.orgAdmin.token(), "/api/v1/bases")
			.bodyValue(baseBody(this.district.community))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).startsWith("/api/v1/bases/"))
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(base).containsEntry("name", "测试红色教育基地")
			.containsEntry("type", "RED")
			.containsEntry("capacity", 50)
			.containsEntry("slotMinutes", 60)
			.containsEntry("adminOrgId", this.district.community.toString())
			.doesNotContainKey("distanceMeters");
		assertThat((List<Object>) base.get("openingHours")).hasSize(14)
			.contains(Map.of("dayOfWeek", "MONDAY", "from", "08:00", "to", "12:00"));
		assertThat((List<Map<String, Object>>) base.get("menu")).extracting((item) -> item.get("name"))
			.containsExactly("重温入党誓词", "参观展馆", "专题党课");
		for (Person reader : List.of(this.district.memberA, this.district.foreignMember, this.district.sysAdmin)) {
			this.api.get(reader.token(), "/api/v1/bases/{id}", base.get("id"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.id")
				.isEqualTo(base.get("id"));
		}
	}

	@Test
	void onlyOrgAdminsOfTheAdministeringUnitCreateBases() {
		Map<String, Object> body = baseBody(this.district.committee);
		create(this.district.memberA, body).expectStatus().isNotFound();
		create(this.district.memberA, baseBody(this.district.branchA)).expectStatus().isForbidden();
		create(this.district.secretaryA, baseBody(this.district.branchA)).expectStatus().isForbidden();
		create(this.district.secretaryA, body).expectStatus().isNotFound();
		create(this.district.foreignOrgAdmin, body).expectStatus().isNotFound();
		create(this.district.foreignSecretary, body).expectStatus().isNotFound();
		create(this.district.sysAdmin, body).expectStatus().isCreated();
		create(this.district.orgAdmin, baseBody(java.util.UUID.randomUUID())).expectStatus().isNotFound();
	}

	@Test
	void overlappingOrInvertedOpeningHoursAre400NamingThePeriod() {
		Map<String, Object> body = baseBody(this.district.committee);
		body.put("openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "from", "09:00", "to", "12:00"),
				Map.of("dayOfWeek", "MONDAY", "from", "11:00", "to", "13:00")));
		assertProblem(create(this.district.orgAdmin, body), 400, "VALIDATION_FAILED").jsonPath("$.errors[0].field")
			.isEqualTo("openingHours[1]");
		body.put("openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "from", "12:00", "to", "09:00")));
		create(this.district.orgAdmin, body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("openingHours[0]")
			.jsonPath("$.errors[0].message")
			.isEqualTo("结束时间须晚于开始时间");
		body.put("openingHours", List.of(Map.of("dayOfWeek", "FUNDAY", "from", "09:00", "to", "12:00")));
		create(this.district.orgAdmin, body).expectStatus().isBadRequest();
		body.put("openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "from", "9 o'clock", "to", "12:00")));
		create(this.district.orgAdmin, body).expectStatus().isBadRequest();
	}

	@Test
	void fieldsOutOfRangeAre400() {
		Map<String, Object> body = baseBody(this.district.committee);
		body.put("lat", 91);
		body.put("capacity", 0);
		body.put("type", "CASTLE");
		create(this.district.orgAdmin, body).expectStatus().isBadRequest();
		body = baseBody(this.district.committee);
		body.put("slotMinutes", 5);
		create(this.district.orgAdmin, body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("slotMinutes");
	}

	@Test
	void aNewBaseCannotNameMenuItemIds() {
		Map<String, Object> body = baseBody(this.district.committee);
		body.put("menu", List.of(Map.of("id", java.util.UUID.randomUUID().toString(), "name", "参观", "minutes", 30)));
		assertProblem(create(this.district.orgAdmin, body), 422, "MENU_ITEM_UNKNOWN");
	}

	@Test
	@SuppressWarnings("unchecked")
	void replacingABaseKeepsListedMenuItemsAddsNewOnesAndTakesOffTheRest() {
		Map<String, Object> base = this.fixtures.createBase();
		Map<String, Object> body = baseBody(this.district.committee);
		body.put("name", "改名后的基地");
		body.put("openingHours", List.of(Map.of("dayOfWeek", "SATURDAY", "from", "09:00", "to", "11:00")));
		body.put("menu", List.of(Map.of("id", BaseFixtures.menuItem(base, 1), "name", "参观新展馆", "minutes", 45),
				Map.of("name", "志愿服务", "minutes", 60)));
		Map<String, Object> changed = put(this.district.orgAdmin, base.get("id"), body).expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(changed).containsEntry("name", "改名后的基地").containsEntry("id", base.get("id"));
		assertThat((List<Object>) changed.get("openingHours"))
			.containsExactly(Map.of("dayOfWeek", "SATURDAY", "from", "09:00", "to", "11:00"));
		List<Map<String, Object>> menu = (List<Map<String, Object>>) changed.get("menu");
		assertThat(menu).hasSize(2);
		assertThat(menu.get(0)).containsEntry("id", BaseFixtures.menuItem(base, 1)).containsEntry("minutes", 45);
		assertThat(menu.get(1)).containsEntry("name", "志愿服务");
		// An item taken off the menu can be named again: it comes back with its id.
		body.put("menu", List.of(Map.of("id", BaseFixtures.menuItem(base, 0), "name", "重温入党誓词", "minutes", 30)));
		put(this.district.orgAdmin, base.get("id"), body).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.menu[0].id")
			.isEqualTo(BaseFixtures.menuItem(base, 0));
	}

	@Test
	void aMenuItemOfAnotherBaseOrAnUnknownOneIs422AndChangesNothing() {
		Map<String, Object> base = this.fixtures.createBase();
		Map<String, Object> other = this.fixtures.createBase();
		Map<String, Object> body = baseBody(this.district.committee);
		body.put("name", "不应保存");
		body.put("menu", List.of(Map.of("id", BaseFixtures.menuItem(other, 0), "name", "偷来的", "minutes", 30)));
		assertProblem(put(this.district.orgAdmin, base.get("id"), body), 422, "MENU_ITEM_UNKNOWN")
			.jsonPath("$.menuItemIds[0]")
			.isEqualTo(BaseFixtures.menuItem(other, 0));
		this.api.get(this.district.memberA.token(), "/api/v1/bases/{id}", base.get("id"))
			.exchange()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("测试红色教育基地");
		body.put("menu", List.of(Map.of("id", BaseFixtures.menuItem(base, 0), "name", "a", "minutes", 30),
				Map.of("id", BaseFixtures.menuItem(base, 0), "name", "b", "minutes", 30)));
		put(this.district.orgAdmin, base.get("id"), body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("menu[1].id");
	}

	@Test
	void onlyOrgAdminsOverTheBaseReplaceItAndMoveItOnlyWithinTheirScope() {
		Map<String, Object> base = this.fixtures.createBase();
		Map<String, Object> body = baseBody(this.district.committee);
		put(this.district.memberA, base.get("id"), body).expectStatus().isNotFound();
		Map<String, Object> ofBranch = this.fixtures.createBase(baseBody(this.district.branchA));
		put(this.district.memberA, ofBranch.get("id"), baseBody(this.district.branchA)).expectStatus().isForbidden();
		put(this.district.foreignOrgAdmin, base.get("id"), body).expectStatus().isNotFound();
		put(this.district.foreignSecretary, base.get("id"), body).expectStatus().isNotFound();
		put(this.district.orgAdmin, java.util.UUID.randomUUID(), body).expectStatus().isNotFound();
		put(this.district.orgAdmin, base.get("id"), baseBody(this.district.otherCommittee)).expectStatus().isNotFound();
		put(this.district.sysAdmin, base.get("id"), baseBody(this.district.otherCommittee)).expectStatus().isOk();
	}

	@Test
	void loweringTheCapacityKeepsWhatIsBookedAsTheSlotsFloorAndNeverOverbooks() {
		Map<String, Object> base = this.fixtures.createBase();
		String id = (String) base.get("id");
		OffsetDateTime start = at(3, "09:00");
		this.fixtures.booked(this.district.secretaryA.token(), this.fixtures.booking(id, start, 40));
		Map<String, Object> body = baseBody(this.district.committee);
		body.put("capacity", 30);
		put(this.district.orgAdmin, id, body).expectStatus().isOk().expectBody().jsonPath("$.capacity").isEqualTo(30);
		Map<String, Object> slot = slot(id, start);
		assertThat(slot).containsEntry("capacity", 40).containsEntry("booked", 40).containsEntry("remaining", 0);
		// An unbooked slot of the same day offers the new capacity.
		assertThat(slot(id, at(3, "10:00"))).containsEntry("capacity", 30).containsEntry("remaining", 30);
		assertProblem(this.fixtures.book(this.district.secretaryA.token(), this.fixtures.booking(id, start, 1)), 409,
				"SLOT_FULL");
		// Raising it again applies to the booked slot too.
		body.put("capacity", 45);
		put(this.district.orgAdmin, id, body).expectStatus().isOk();
		assertThat(slot(id, start)).containsEntry("capacity", 45).containsEntry("remaining", 5);
	}

	@Test
	@SuppressWarnings("unchecked")
	void freedSeatsAboveALoweredCapacityAreNotOfferedAgain() {
		String id = (String) this.fixtures.createBase().get("id");
		OffsetDateTime start = at(3, "14:00");
		Map<String, Object> big = this.fixtures.booked(this.district.secretaryA.token(),
				this.fixtures.booking(id, start, 30));
		this.fixtures.booked(this.district.secretaryA.token(), this.fixtures.booking(id, start, 10));
		Map<String, Object> body = baseBody(this.district.committee);
		body.put("capacity", 20);
		put(this.district.orgAdmin, id, body).expectStatus().isOk();
		assertThat(slot(id, start)).containsEntry("capacity", 40).containsEntry("booked", 40);
		this.fixtures.act(this.district.secretaryA.token(), big.get("id"), "cancel", Map.of()).expectStatus().isOk();
		assertThat(slot(id, start)).containsEntry("capacity", 20).containsEntry("booked", 10);
	}

	@Test
	void hoursThatWouldDropABookedFutureSlotAre409AndChangeNothing() {
		String id = (String) this.fixtures.createBase().get("id");
		this.fixtures.booked(this.district.secretaryA.token(), this.fixtures.booking(id, at(2, "15:00"), 5));
		Map<String, Object> body = baseBody(this.district.committee);
		body.put("openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "from", "08:00", "to", "12:00")));
		assertProblem(put(this.district.orgAdmin, id, body), 409, "BASE_SLOTS_BOOKED");
		body = baseBody(this.district.committee);
		body.put("slotMinutes", 30);
		put(this.district.orgAdmin, id, body).expectStatus().isEqualTo(409);
		assertThat(slot(id, at(2, "15:00"))).containsEntry("booked", 5);
		// Longer hours keep every booked slot: fine.
		body = baseBody(this.district.committee);
		body.put("openingHours",
				List.of(Map.of("dayOfWeek", at(2, "15:00").getDayOfWeek().name(), "from", "14:00", "to", "20:00")));
		put(this.district.orgAdmin, id, body).expectStatus().isOk();
	}

	@Test
	@SuppressWarnings("unchecked")
	void availabilityShowsEverySlotOfTheDayWithItsSeats() {
		String id = (String) this.fixtures.createBase().get("id");
		this.fixtures.booked(this.district.secretaryA.token(), this.fixtures.booking(id, at(4, "10:00"), 12));
		List<Map<String, Object>> slots = availability(this.district.foreignMember, id, at(4, "00:00").toLocalDate());
		assertThat(slots).hasSize(8);
		assertThat(time(slots.get(0).get("start"))).isEqualTo(at(4, "08:00"));
		assertThat(time(slots.get(0).get("end"))).isEqualTo(at(4, "09:00"));
		assertThat(slots.get(0)).containsEntry("capacity", 50)
			.containsEntry("booked", 0)
			.containsEntry("remaining", 50);
		assertThat(time(slots.get(2).get("start"))).isEqualTo(at(4, "10:00"));
		assertThat(slots.get(2)).containsEntry("booked", 12).containsEntry("remaining", 38);
		assertThat(time(slots.get(4).get("start"))).isEqualTo(at(4, "14:00"));
	}

	@Test
	void aClosedDayHasNoSlotsAndPastDatesShowHistory() {
		Map<String, Object> body = baseBody(this.district.committee);
		String openDay = at(1, "09:00").getDayOfWeek().name();
		body.put("openingHours", List.of(Map.of("dayOfWeek", openDay, "from", "09:00", "to", "11:00")));
		String id = (String) this.fixtures.createBase(body).get("id");
		assertThat(availability(this.district.memberA, id, at(2, "00:00").toLocalDate())).isEmpty();
		this.fixtures.booked(this.district.secretaryA.token(), this.fixtures.booking(id, at(8, "10:00"), 7));
		// The visit a week ago: move the booked slot back in time, as if it had been
		// booked then.
		this.db
			.sql("UPDATE base_slots SET starts_at = starts_at - interval '14 days', "
					+ "ends_at = ends_at - interval '14 days' WHERE base_id = :base")
			.bind("base", java.util.UUID.fromString(id))
			.then()
			.block();
		List<Map<String, Object>> past = availability(this.district.memberA, id, at(-6, "00:00").toLocalDate());
		assertThat(past).hasSize(2);
		assertThat(past.get(1)).containsEntry("booked", 7).containsEntry("remaining", 43);
	}

	@Test
	void availabilityOfAnUnknownBaseIs404AndABadDate400() {
		this.api
			.get(this.district.memberA.token(), "/api/v1/bases/{id}/availability?date=2026-12-01",
					java.util.UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound();
		String id = (String) this.fixtures.createBase().get("id");
		this.api.get(this.district.memberA.token(), "/api/v1/bases/{id}/availability?date=1.12.2026", id)
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.api.get(this.district.memberA.token(), "/api/v1/bases/{id}/availability", id)
			.exchange()
			.expectStatus()
			.isOk();
		this.api.get(this.district.memberA.token(), "/api/v1/bases/{id}", "not-an-id")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theListIsPagedAndFilteredByType() {
		Map<String, Object> body = baseBody(this.district.committee);
		body.put("type", "TECH");
		Set<Object> mine = new HashSet<>();
		for (int i = 0; i < 3; i++) {
			mine.add(this.fixtures.createBase(body).get("id"));
		}
		Set<Object> seen = new HashSet<>();
		String cursor = null;
		int pages = 0;
		do {
			Map<String, Object> page = this.api.getJson(this.district.memberA.token(),
					"/api/v1/bases?type=TECH&limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""));
			List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
			assertThat(items).hasSizeLessThanOrEqualTo(2).allSatisfy((item) -> {
				assertThat(item).containsEntry("type", "TECH");
				assertThat(seen.add(item.get("id"))).as("seen once").isTrue();
			});
			cursor = (String) page.get("nextCursor");
			pages++;
		}
		while (cursor != null && pages < 1000);
		assertThat(seen).containsAll(mine);
		this.api.get(this.district.memberA.token(), "/api/v1/bases?type=CASTLE")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	@SuppressWarnings("unchecked")
	void nearListsTheNearestFirstPageByPage() {
		// A spot far from every other test's bases: the three bases made here are the
		// nearest to it.
		double lat = -60 + ThreadLocalRandom.current().nextDouble(10);
		double lng = -170 + ThreadLocalRandom.current().nextDouble(10);
		List<Object> expected = new ArrayList<>();
		for (double offset : new double[] { 0.001, 0.02, 0.3 }) {
			Map<String, Object> body = baseBody(this.district.committee);
			body.put("lat", lat + offset);
			body.put("lng", lng);
			expected.add(this.fixtures.createBase(body).get("id"));
		}
		String near = String.format(java.util.Locale.ROOT, "%.6f,%.6f", lat, lng);
		Map<String, Object> first = list("/api/v1/bases?limit=2&near=" + near);
		List<Map<String, Object>> items = (List<Map<String, Object>>) first.get("items");
		assertThat(items).extracting((item) -> item.get("id")).containsExactly(expected.get(0), expected.get(1));
		assertThat(((Number) items.get(0).get("distanceMeters")).longValue()).isBetween(100L, 120L);
		Map<String, Object> second = list("/api/v1/bases?limit=2&near=" + near + "&cursor=" + first.get("nextCursor"));
		List<Map<String, Object>> rest = (List<Map<String, Object>>) second.get("items");
		assertThat(rest.get(0)).containsEntry("id", expected.get(2));
		assertThat(((Number) rest.get(0).get("distanceMeters")).longValue())
			.isGreaterThanOrEqualTo(((Number) items.get(1).get("distanceMeters")).longValue());
	}

	@Test
	void aNearThatIsNotAPositionIs400() {
		for (String near : List.of("abc", "31.2", "91,0", "31.2,181", "31.2;121.4", "1,2,3")) {
			this.api.get(this.district.memberA.token(), "/api/v1/bases?near={near}", near)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("near");
		}
	}

	@Test
	void aCursorOfTheListWithoutNearDoesNotServeTheListWithIt() {
		for (int i = 0; i < 2; i++) {
			this.fixtures.createBase();
		}
		String cursor = (String) list("/api/v1/bases?limit=1").get("nextCursor");
		this.api.get(this.district.memberA.token(), "/api/v1/bases?limit=1&near=31,121&cursor={c}", cursor)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("cursor");
	}

	private Map<String, Object> list(String uri) {
		return this.api.getJson(this.district.memberA.token(), uri);
	}

	private WebTestClient.ResponseSpec create(Person person, Map<String, Object> body) {
		return this.api.post(person.token(), "/api/v1/bases").bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec put(Person person, Object id, Map<String, Object> body) {
		return this.fixtures.put(person.token(), "/api/v1/bases/{id}", body, id);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> availability(Person person, String id, java.time.LocalDate date) {
		return this.api.get(person.token(), "/api/v1/bases/{id}/availability?date={date}", id, date)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((slot) -> (Map<String, Object>) slot)
			.toList();
	}

	/** A timestamp as the API wrote it: in the business zone, with its offset. */
	static OffsetDateTime time(Object value) {
		return OffsetDateTime.parse((String) value);
	}

	private Map<String, Object> slot(String id, OffsetDateTime start) {
		return availability(this.district.memberA, id, start.toLocalDate()).stream()
			.filter((slot) -> time(slot.get("start")).isEqual(start))
			.findFirst()
			.orElseThrow();
	}

}
