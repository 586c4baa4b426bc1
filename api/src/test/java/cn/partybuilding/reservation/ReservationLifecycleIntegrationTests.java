package cn.partybuilding.reservation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
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
 * Approving, rejecting, cancelling and completing reservations: who may, which
 * transitions are legal, seats given back, and the outcomes and visits recorded for the
 * notifier and the points engine.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReservationLifecycleIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	DatabaseClient db;

	@Autowired
	RecordedReservationEvents events;

	@Autowired
	BaseVisits visits;

	@Autowired
	ReservationOutcomes outcomes;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Autowired
	BaseFixtures fixtures;

	String baseId;

	Person baseAdmin;

	@BeforeAll
	void setUp() {
		this.baseId = (String) this.fixtures.createBase().get("id");
		this.baseAdmin = this.fixtures.baseAdmin(this.baseId);
	}

	@Test
	void theBaseAdminApprovesOnceAndTheSecretaryIsToBeTold() {
		String id = book(at(2, "09:00"), 5);
		act(this.baseAdmin, id, "approve", Map.of()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("APPROVED")
			.jsonPath("$.decidedBy")
			.isEqualTo(this.baseAdmin.id().toString());
		assertProblem(act(this.baseAdmin, id, "approve", Map.of()), 409, "ILLEGAL_STATE").jsonPath("$.state")
			.isEqualTo("APPROVED");
		assertThat(this.events.outcomesOf(UUID.fromString(id))).singleElement().satisfies((outcome) -> {
			assertThat(outcome.outcome()).isEqualTo(ReservationStatus.APPROVED);
			assertThat(outcome.secretaryId()).isEqualTo(this.district.secretaryA.id());
			assertThat(outcome.actorId()).isEqualTo(this.baseAdmin.id());
			assertThat(outcome.orgId()).isEqualTo(this.district.branchA);
		});
		assertThat(outcomeRows(id)).containsExactly("APPROVED");
		// Approved reservations hold their seats.
		assertThat(booked(at(2, "09:00"))).isEqualTo(5);
		// The booking secretary hears of it in their inbox, once.
		this.api.get(this.district.secretaryA.token(), "/api/v1/me/notifications?limit=100")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.kind == 'RESERVATION_RESULT')].body")
			.value((List<String> bodies) -> assertThat(bodies).anySatisfy((body) -> assertThat(body).contains("已通过")));
	}

	@Test
	void onlyTheBaseAdminApprovesRejectsAndCompletes() {
		String id = book(at(2, "10:00"), 2);
		for (String action : List.of("approve", "reject", "complete")) {
			Object body = switch (action) {
				case "reject" -> Map.of("reason", "不行");
				case "complete" -> Map.of("attendeeMemberIds", List.of(this.district.memberA.id().toString()));
				default -> Map.of();
			};
			for (Person seeing : List.of(this.district.secretaryA, this.district.memberA, this.district.orgAdmin)) {
				act(seeing, id, action, body).expectStatus().isForbidden();
			}
			for (Person outsider : List.of(this.district.secretaryB, this.district.foreignSecretary,
					this.district.foreignOrgAdmin,
					this.fixtures.baseAdmin((String) this.fixtures.createBase().get("id")))) {
				act(outsider, id, action, body).expectStatus().isNotFound();
			}
			act(this.baseAdmin, UUID.randomUUID().toString(), action, body).expectStatus().isNotFound();
		}
		get(id).jsonPath("$.status").isEqualTo("PENDING");
	}

	@Test
	void rejectingGivesTheSeatsBackAndRecordsTheReason() {
		OffsetDateTime start = at(2, "11:00");
		String id = book(start, 30);
		assertThat(booked(start)).isEqualTo(30);
		act(this.baseAdmin, id, "reject", Map.of("reason", "当天闭馆检修")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REJECTED")
			.jsonPath("$.reason")
			.isEqualTo("当天闭馆检修");
		assertThat(booked(start)).isZero();
		assertThat(this.events.outcomesOf(UUID.fromString(id))).singleElement()
			.satisfies((outcome) -> assertThat(outcome.reason()).isEqualTo("当天闭馆检修"));
		assertProblem(act(this.baseAdmin, id, "reject", Map.of("reason", "再拒")), 409, "ILLEGAL_STATE");
		assertProblem(act(this.baseAdmin, id, "approve", Map.of()), 409, "ILLEGAL_STATE");
		assertProblem(act(this.district.secretaryA, id, "cancel", Map.of()), 409, "ILLEGAL_STATE");
		assertThat(booked(start)).isZero();
		String approved = book(start, 1);
		act(this.baseAdmin, approved, "approve", Map.of()).expectStatus().isOk();
		assertProblem(act(this.baseAdmin, approved, "reject", Map.of("reason", "晚了")), 409, "ILLEGAL_STATE");
		act(this.baseAdmin, approved, "reject", Map.of()).expectStatus().isBadRequest();
	}

	@Test
	void theSecretaryOrTheBaseAdminCancelsPendingOrApprovedAndTheSeatsAreFree() {
		OffsetDateTime start = at(3, "09:00");
		String pending = book(start, 20);
		String approved = book(start, 25);
		act(this.baseAdmin, approved, "approve", Map.of()).expectStatus().isOk();
		assertThat(booked(start)).isEqualTo(45);
		act(this.district.memberA, pending, "cancel", Map.of()).expectStatus().isForbidden();
		act(this.district.orgAdmin, pending, "cancel", Map.of()).expectStatus().isForbidden();
		act(this.district.secretaryB, pending, "cancel", Map.of()).expectStatus().isNotFound();
		act(this.district.foreignSecretary, pending, "cancel", Map.of()).expectStatus().isNotFound();
		act(this.district.secretaryA, pending, "cancel", Map.of()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CANCELLED");
		assertThat(booked(start)).isEqualTo(25);
		act(this.baseAdmin, approved, "cancel", Map.of()).expectStatus().isOk();
		assertThat(booked(start)).isZero();
		assertProblem(act(this.district.secretaryA, pending, "cancel", Map.of()), 409, "ILLEGAL_STATE");
		assertProblem(act(this.baseAdmin, approved, "approve", Map.of()), 409, "ILLEGAL_STATE");
		assertThat(this.events.outcomesOf(UUID.fromString(pending))).singleElement()
			.satisfies((outcome) -> assertThat(outcome.actorId()).isEqualTo(this.district.secretaryA.id()));
		assertThat(outcomeRows(approved)).containsExactly("APPROVED", "CANCELLED");
		// Freed seats can be booked again, all of them.
		book(start, 50);
	}

	@Test
	void aBookingEnteredByTheBaseNamesNoSecretaryToTell() {
		Map<String, Object> body = this.fixtures.booking(this.baseId, at(3, "10:00"), 2);
		body.put("channel", "HOTLINE");
		String id = (String) this.fixtures.booked(this.baseAdmin.token(), body).get("id");
		act(this.district.secretaryA, id, "cancel", Map.of()).expectStatus().isOk();
		assertThat(this.events.outcomesOf(UUID.fromString(id))).singleElement().satisfies((outcome) -> {
			assertThat(outcome.secretaryId()).isNull();
			assertThat(outcome.orgId()).isEqualTo(this.district.branchA);
		});
		assertThat(this.outcomes.since(java.time.Instant.now().minusSeconds(3600), 10_000)
			.filter((outcome) -> outcome.reservationId().toString().equals(id))
			.collectList()
			.block()).hasSize(1);
	}

	@Test
	void completingNeedsAnApprovedReservationWhoseSlotHasBegun() {
		String id = book(at(4, "09:00"), 3);
		Map<String, Object> attendees = Map.of("attendeeMemberIds", List.of(this.district.memberA.id().toString()));
		assertProblem(act(this.baseAdmin, id, "complete", attendees), 409, "ILLEGAL_STATE");
		act(this.baseAdmin, id, "approve", Map.of()).expectStatus().isOk();
		assertProblem(act(this.baseAdmin, id, "complete", attendees), 409, "VISIT_NOT_STARTED");
		act(this.baseAdmin, id, "complete", Map.of("attendeeMemberIds", List.of())).expectStatus().isBadRequest();
	}

	@Test
	void completingRecordsOneVisitPerAttendeeForTheBranchOnce() {
		String id = book(at(5, "09:00"), 3);
		act(this.baseAdmin, id, "approve", Map.of()).expectStatus().isOk();
		LocalDate visitDate = startedAgo(id, "10 minutes");
		// memberA checks in at the base; memberA2 is named as an attendee without having
		// checked in.
		this.fixtures
			.checkIn(this.district.memberA.token(), id, this.fixtures.checkInCode(this.baseAdmin.token(), this.baseId))
			.expectStatus()
			.isCreated();
		Person outsider = this.district.memberB;
		assertProblem(act(this.baseAdmin, id, "complete",
				Map.of("attendeeMemberIds",
						List.of(this.district.memberA.id().toString(), outsider.id().toString(),
								UUID.randomUUID().toString()))),
				422, "ATTENDEES_NOT_IN_BRANCH")
			.jsonPath("$.memberIds.length()")
			.isEqualTo(2)
			.jsonPath("$.memberIds[0]")
			.isEqualTo(outsider.id().toString());
		act(this.baseAdmin, id, "complete",
				Map.of("attendeeMemberIds",
						List.of(this.district.memberA.id().toString(), this.district.memberA2.id().toString(),
								this.district.memberA.id().toString())))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("COMPLETED");
		assertProblem(
				act(this.baseAdmin, id, "complete",
						Map.of("attendeeMemberIds", List.of(this.district.memberA.id().toString()))),
				409, "ILLEGAL_STATE");
		assertProblem(act(this.baseAdmin, id, "cancel", Map.of()), 409, "ILLEGAL_STATE");
		List<BaseVisit> ofBranch = this.visits.ofBranch(this.district.branchA, visitDate, visitDate)
			.filter((visit) -> visit.reservationId().toString().equals(id))
			.collectList()
			.block();
		assertThat(ofBranch).extracting(BaseVisit::memberId)
			.containsExactlyInAnyOrder(this.district.memberA.id(), this.district.memberA2.id());
		assertThat(ofBranch).allSatisfy((visit) -> {
			assertThat(visit.baseId()).hasToString(this.baseId);
			assertThat(visit.date()).isEqualTo(visitDate);
		});
		assertThat(this.visits.ofBranch(this.district.branchB, visitDate, visitDate).collectList().block())
			.noneMatch((visit) -> visit.reservationId().toString().equals(id));
		assertThat(this.events.visitsOf(UUID.fromString(id))).hasSize(2);
		assertThat(this.visits.ofReservation(UUID.fromString(id)).collectList().block()).hasSize(2);
		assertThat(this.visits.recordedSince(java.time.Instant.now().minusSeconds(3600), 100_000)
			.filter((visit) -> visit.reservationId().toString().equals(id))
			.collectList()
			.block()).hasSize(2);
		// A completed visit keeps its seats: it happened.
		assertThat(outcomeRows(id)).containsExactly("APPROVED");
		// Each attendee who checked in at the base earns one BASE_VISIT_COMPLETED points
		// event; the others none.
		assertThat(this.context.getBean(org.springframework.r2dbc.core.DatabaseClient.class)
			.sql("SELECT member_id FROM points_events WHERE event_id LIKE :prefix")
			.bind("prefix", "base-visit:" + id + ":%")
			.map((row) -> row.get("member_id", UUID.class))
			.all()
			.collectList()
			.block()).containsExactly(this.district.memberA.id());
		assertThat(this.events.visitsOf(UUID.fromString(id))).extracting(BaseVisit::memberId, BaseVisit::checkedIn)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(this.district.memberA.id(), true),
					org.assertj.core.groups.Tuple.tuple(this.district.memberA2.id(), false));
	}

	@Test
	void aVisitEnteredByTheBaseIsCompletedWithMembersOfTheBookingBranch() {
		Map<String, Object> body = this.fixtures.booking(this.baseId, at(6, "09:00"), 3);
		body.put("orgId", this.district.branchB.toString());
		body.put("channel", "HOTLINE");
		String id = (String) this.fixtures.booked(this.baseAdmin.token(), body).get("id");
		act(this.baseAdmin, id, "approve", Map.of()).expectStatus().isOk();
		startedAnHourAgo(id);
		act(this.baseAdmin, id, "complete",
				Map.of("attendeeMemberIds", List.of(this.district.secretaryB.id().toString())))
			.expectStatus()
			.isOk();
	}

	/**
	 * Travels in time: the reservation's slot began an hour ago. The local date it began
	 * on.
	 */
	private LocalDate startedAnHourAgo(String id) {
		return startedAgo(id, "1 hour");
	}

	/**
	 * Travels in time: the reservation's slots began {@code ago} (an SQL interval). The
	 * local date it began on.
	 */
	private LocalDate startedAgo(String id, String ago) {
		return this.db
			.sql("UPDATE reservations SET ends_at = now() + (ends_at - starts_at) - CAST(:ago AS interval), "
					+ "starts_at = now() - CAST(:ago AS interval) WHERE id = :id RETURNING starts_at")
			.bind("ago", ago)
			.bind("id", UUID.fromString(id))
			.map((row) -> row.get("starts_at", java.time.Instant.class))
			.one()
			.map((start) -> start.atZone(BaseFixtures.ZONE).toLocalDate())
			.block();
	}

	private String book(OffsetDateTime start, int headcount) {
		return (String) this.fixtures
			.booked(this.district.secretaryA.token(), this.fixtures.booking(this.baseId, start, headcount))
			.get("id");
	}

	private WebTestClient.ResponseSpec act(Person person, String id, String action, Object body) {
		return this.fixtures.act(person.token(), id, action, body);
	}

	private WebTestClient.BodyContentSpec get(String id) {
		return this.api.get(this.baseAdmin.token(), "/api/v1/reservations/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private List<String> outcomeRows(String id) {
		return this.db.sql("SELECT outcome FROM reservation_outcomes WHERE reservation_id = :id ORDER BY occurred_at")
			.bind("id", UUID.fromString(id))
			.map((row) -> row.get("outcome", String.class))
			.all()
			.collectList()
			.block();
	}

	private int booked(OffsetDateTime start) {
		return this.db.sql("SELECT booked FROM base_slots WHERE base_id = :base AND starts_at = :start")
			.bind("base", UUID.fromString(this.baseId))
			.bind("start", start)
			.map((row) -> row.get("booked", Integer.class))
			.one()
			.defaultIfEmpty(0)
			.block();
	}

}
