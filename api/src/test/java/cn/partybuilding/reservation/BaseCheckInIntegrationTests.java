package cn.partybuilding.reservation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.checkin.CheckInCodes;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.BaseFixtures;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestActivities;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;

import static cn.partybuilding.test.BaseFixtures.at;
import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visits cannot be minted: members check in at the base with its rotating code, by the
 * rules of a meeting's check-in (window, code, position, one device one member, once),
 * only for an approved reservation of their own branch; the code is its admins'; a
 * completion names at most the headcount, and only those who checked in earn the visit's
 * points.
 */
@IntegrationTest
class BaseCheckInIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	DatabaseClient db;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	BaseFixtures fixtures;

	@Autowired
	TestActivities activities;

	String baseId;

	Person baseAdmin;

	@BeforeEach
	void setUp() {
		this.baseId = (String) this.fixtures.createBase().get("id");
		this.baseAdmin = this.fixtures.baseAdmin(this.baseId);
	}

	@Test
	void aMemberOfTheBookingBranchChecksInAtTheBaseOnce() {
		String reservation = approved(3);
		startsIn(reservation, Duration.ofMinutes(20));
		String code = code();
		Map<String, Object> first = this.fixtures.checkIn(this.district.memberA.token(), reservation, code)
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(first).containsEntry("reservationId", reservation)
			.containsEntry("memberId", this.district.memberA.id().toString())
			.containsEntry("method", "QR_GEO")
			.containsEntry("distanceMeters", 0);
		// Again, with anything at all: the same check-in.
		this.fixtures
			.checkIn(this.district.memberA.token(), reservation, "WRONGCODE0", null, null,
					TestActivities.deviceOf(this.district.memberA.token()))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(first.get("id"));
		assertThat(checkIns(reservation)).isEqualTo(1);
	}

	@Test
	void aWrongCodeAnotherBasesCodeAnOldCodeOrAPositionElsewhereIsRefused() {
		String reservation = approved(3);
		startsIn(reservation, Duration.ofMinutes(-10));
		String member = this.district.memberA.token();
		String phone = TestActivities.deviceOf(member);
		refused(this.fixtures.checkIn(member, reservation, "ABCDEFGHJK"), "CHECKIN_CODE_INVALID");
		String otherBase = (String) this.fixtures.createBase().get("id");
		String otherCode = this.fixtures.checkInCode(this.district.sysAdmin.token(), otherBase);
		refused(this.fixtures.checkIn(member, reservation, otherCode), "CHECKIN_CODE_INVALID");
		// A meeting's code is no base's code either.
		UUID meeting = this.activities.plan(this.district.secretaryA.token(), this.district.branchA, 10);
		refused(this.fixtures.checkIn(member, reservation,
				this.activities.code(this.district.secretaryA.token(), meeting)), "CHECKIN_CODE_INVALID");
		byte[] secret = this.context.getBean(cn.partybuilding.base.Bases.class)
			.checkInSecret(UUID.fromString(this.baseId))
			.block();
		String relayed = CheckInCodes.code(secret, UUID.fromString(this.baseId),
				CheckInCodes.window(Instant.now()) - 2);
		refused(this.fixtures.checkIn(member, reservation, relayed), "CHECKIN_CODE_EXPIRED");
		String code = code();
		// The right code from a kilometre away: relayed, not there.
		assertProblem(
				this.fixtures.checkIn(member, reservation, code, BaseFixtures.LAT + 0.01, BaseFixtures.LNG, phone), 422,
				"OUT_OF_GEOFENCE")
			.jsonPath("$.distanceMeters")
			.isEqualTo(1112);
		this.fixtures.checkIn(member, reservation, code, null, null, phone).expectStatus().isBadRequest();
		assertThat(checkIns(reservation)).isZero();
		this.fixtures.checkIn(member, reservation, code, BaseFixtures.LAT + 0.004, BaseFixtures.LNG, phone)
			.expectStatus()
			.isCreated();
	}

	@Test
	void onlyMembersOfTheBookingBranchCheckInAndOutsidersFindNothing() {
		String reservation = approved(3);
		startsIn(reservation, Duration.ofMinutes(5));
		String code = code();
		// Branch B is a sister branch: its members cannot see branch A's reservation.
		this.fixtures.checkIn(this.district.memberB.token(), reservation, code).expectStatus().isNotFound();
		this.fixtures.checkIn(this.district.foreignMember.token(), reservation, code).expectStatus().isNotFound();
		this.fixtures.checkIn(this.district.foreignSecretary.token(), reservation, code).expectStatus().isNotFound();
		// The base's admin sees the reservation but is a member of branch B: not one of
		// the visitors.
		refused(this.fixtures.checkIn(this.baseAdmin.token(), reservation, code), "NOT_INVITED");
		// A member who joined branch A checks in.
		Person newcomer = this.district.newMember(this.district.branchA, "新党员");
		this.fixtures.checkIn(newcomer.token(), reservation, code).expectStatus().isCreated();
		assertThat(checkIns(reservation)).isEqualTo(1);
	}

	@Test
	void nobodyChecksInToAReservationThatIsNotApprovedOrOutsideItsWindow() {
		String pending = booked(3);
		String cancelled = booked(3);
		this.fixtures.act(this.district.secretaryA.token(), cancelled, "cancel", Map.of()).expectStatus().isOk();
		startsIn(pending, Duration.ofMinutes(5));
		startsIn(cancelled, Duration.ofMinutes(5));
		String code = code();
		refused(this.fixtures.checkIn(this.district.memberA.token(), pending, code), "RESERVATION_NOT_APPROVED");
		refused(this.fixtures.checkIn(this.district.memberA.token(), cancelled, code), "RESERVATION_NOT_APPROVED");
		// Approved, but days ahead: the window opens 30 minutes before the start.
		String later = approved(3);
		refused(this.fixtures.checkIn(this.district.memberA.token(), later, code), "CHECKIN_WINDOW_CLOSED");
		startsIn(later, Duration.ofMinutes(31));
		refused(this.fixtures.checkIn(this.district.memberA.token(), later, code()), "CHECKIN_WINDOW_CLOSED");
		// Over: it ended a minute ago.
		startsIn(later, Duration.ofMinutes(-61));
		refused(this.fixtures.checkIn(this.district.memberA.token(), later, code()), "CHECKIN_WINDOW_CLOSED");
		assertThat(checkIns(pending) + checkIns(cancelled) + checkIns(later)).isZero();
	}

	@Test
	void onePhoneChecksInOneMemberAtTheBase() {
		String reservation = approved(3);
		startsIn(reservation, Duration.ofMinutes(5));
		String code = code();
		String phone = "a-phone-at-the-base";
		this.fixtures
			.checkIn(this.district.memberA.token(), reservation, code, BaseFixtures.LAT, BaseFixtures.LNG, phone)
			.expectStatus()
			.isCreated();
		refused(this.fixtures.checkIn(this.district.memberA2.token(), reservation, code, BaseFixtures.LAT,
				BaseFixtures.LNG, phone), "DEVICE_ALREADY_USED");
		for (String malformed : new String[] { null, "", "x".repeat(129) }) {
			this.fixtures
				.checkIn(this.district.memberA2.token(), reservation, code, BaseFixtures.LAT, BaseFixtures.LNG,
						malformed)
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("X-Device-Id");
		}
		this.fixtures.checkIn(this.district.memberA2.token(), reservation, code).expectStatus().isCreated();
		assertThat(checkIns(reservation)).isEqualTo(2);
	}

	@Test
	void aMemberWhoLeftCannotCheckInAtTheBase() {
		String reservation = approved(3);
		startsIn(reservation, Duration.ofMinutes(5));
		this.client.patch()
			.uri("/api/v1/members/{id}", this.district.memberA2.id())
			.headers((headers) -> headers.setBearerAuth(this.district.secretaryA.token()))
			.bodyValue(Map.of("status", "LEFT"))
			.exchange()
			.expectStatus()
			.isOk();
		refused(this.fixtures.checkIn(this.district.memberA2.token(), reservation, code()), "NOT_INVITED");
		assertThat(checkIns(reservation)).isZero();
	}

	@Test
	void theBasesCodeIsShownToItsAdminsOnly() {
		Map<String, Object> shown = this.api.getJson(this.baseAdmin.token(), "/api/v1/bases/{id}/checkin-code",
				this.baseId);
		assertThat((String) shown.get("code")).hasSize(10);
		OffsetDateTime expires = OffsetDateTime.parse((String) shown.get("expiresAt"));
		assertThat(Duration.between(Instant.now(), expires.toInstant())).isBetween(Duration.ofSeconds(28),
				Duration.ofSeconds(61));
		this.api.get(this.district.sysAdmin.token(), "/api/v1/bases/{id}/checkin-code", this.baseId)
			.exchange()
			.expectStatus()
			.isOk();
		// The org admin over the base's unit sees the base, but the code is for the door.
		this.api.get(this.district.orgAdmin.token(), "/api/v1/bases/{id}/checkin-code", this.baseId)
			.exchange()
			.expectStatus()
			.isForbidden();
		Person otherBasesAdmin = this.fixtures.baseAdmin((String) this.fixtures.createBase().get("id"));
		for (Person outsider : List.of(this.district.memberA, this.district.secretaryA, otherBasesAdmin,
				this.district.foreignOrgAdmin)) {
			this.api.get(outsider.token(), "/api/v1/bases/{id}/checkin-code", this.baseId)
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		this.api.get(this.baseAdmin.token(), "/api/v1/bases/{id}/checkin-code", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void aCompletionNamesNoMoreAttendeesThanTheHeadcount() {
		String reservation = approved(2);
		startsIn(reservation, Duration.ofMinutes(-10));
		assertProblem(this.fixtures.act(this.baseAdmin.token(), reservation, "complete",
				Map.of("attendeeMemberIds",
						List.of(this.district.memberA.id().toString(), this.district.memberA2.id().toString(),
								this.district.secretaryA.id().toString()))),
				422, "ATTENDEES_ABOVE_HEADCOUNT")
			.jsonPath("$.headcount")
			.isEqualTo(2);
		assertThat(visits(reservation)).isZero();
		// The same member named twice is one attendee.
		this.fixtures
			.act(this.baseAdmin.token(), reservation, "complete",
					Map.of("attendeeMemberIds", List.of(this.district.memberA.id().toString(),
							this.district.memberA2.id().toString(), this.district.memberA.id().toString())))
			.expectStatus()
			.isOk();
		assertThat(visits(reservation)).isEqualTo(2);
	}

	@Test
	void onlyAttendeesWhoCheckedInAtTheBaseEarnTheVisitsPoints() {
		String reservation = approved(3);
		startsIn(reservation, Duration.ofMinutes(-10));
		this.fixtures.checkIn(this.district.memberA.token(), reservation, code()).expectStatus().isCreated();
		this.fixtures
			.act(this.baseAdmin.token(), reservation, "complete",
					Map.of("attendeeMemberIds",
							List.of(this.district.memberA.id().toString(), this.district.memberA2.id().toString())))
			.expectStatus()
			.isOk();
		// Both visits count as the branch's organizational life; only the one who was
		// there scores.
		assertThat(this.db.sql("SELECT member_id, checked_in FROM base_visits WHERE reservation_id = :r")
			.bind("r", UUID.fromString(reservation))
			.map((row) -> Map.entry(row.get("member_id", UUID.class), row.get("checked_in", Boolean.class)))
			.all()
			.collectList()
			.block()).containsExactlyInAnyOrder(Map.entry(this.district.memberA.id(), true),
					Map.entry(this.district.memberA2.id(), false));
		assertThat(this.db.sql("SELECT member_id FROM points_events WHERE event_id LIKE :prefix")
			.bind("prefix", "base-visit:" + reservation + ":%")
			.map((row) -> row.get("member_id", UUID.class))
			.all()
			.collectList()
			.block()).containsExactly(this.district.memberA.id());
		// After the completion nobody checks in any more; who did gets their check-in.
		refused(this.fixtures.checkIn(this.district.memberA2.token(), reservation, code()), "RESERVATION_NOT_APPROVED");
		this.fixtures.checkIn(this.district.memberA.token(), reservation, code()).expectStatus().isOk();
	}

	private String booked(int headcount) {
		return (String) this.fixtures
			.booked(this.district.secretaryA.token(), this.fixtures.booking(this.baseId, at(3, "09:00"), headcount))
			.get("id");
	}

	private String approved(int headcount) {
		String id = booked(headcount);
		this.fixtures.act(this.baseAdmin.token(), id, "approve", Map.of()).expectStatus().isOk();
		return id;
	}

	/**
	 * Travels in time: the reservation's hour-long slot starts {@code in} from now
	 * (negative: began that long ago).
	 */
	private void startsIn(String id, Duration in) {
		this.db
			.sql("UPDATE reservations SET starts_at = now() + :in * interval '1 second', "
					+ "ends_at = now() + :in * interval '1 second' + interval '1 hour' WHERE id = :id")
			.bind("in", in.toSeconds())
			.bind("id", UUID.fromString(id))
			.then()
			.block();
	}

	private String code() {
		return this.fixtures.checkInCode(this.baseAdmin.token(), this.baseId);
	}

	private long checkIns(String reservation) {
		return count("SELECT count(*) AS n FROM base_checkins WHERE reservation_id = :r", reservation);
	}

	private long visits(String reservation) {
		return count("SELECT count(*) AS n FROM base_visits WHERE reservation_id = :r", reservation);
	}

	private long count(String sql, String reservation) {
		return this.db.sql(sql)
			.bind("r", UUID.fromString(reservation))
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	private static void refused(WebTestClient.ResponseSpec response, String code) {
		assertProblem(response, 422, code);
	}

}
