package cn.partybuilding.reservation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Visits to bases: one per attendee of a completed reservation. They count as
 * organizational life of the booking branch, and each visit of an attendee who checked in
 * at the base is the source of their {@code BASE_VISIT_COMPLETED} points event. Whether
 * they had checked in is read in the statement that records the visits, in the
 * transaction that completes the reservation: a check-in at the base needs the
 * reservation approved and share-locks it, so it either comes before the completion (and
 * is seen) or finds the visit completed.
 */
@Service
public class BaseVisits {

	private final DatabaseClient db;

	private final ObjectProvider<ReservationEvents> listeners;

	private final Clock clock;

	BaseVisits(DatabaseClient db, ObjectProvider<ReservationEvents> listeners, Clock clock) {
		this.db = db;
		this.listeners = listeners;
		this.clock = clock;
	}

	/**
	 * The visits a branch made on local dates from {@code from} to {@code to} (both
	 * included), by date.
	 */
	public Flux<BaseVisit> ofBranch(UUID branchId, LocalDate from, LocalDate to) {
		return this.db.sql("""
				SELECT reservation_id, member_id, base_id, branch_id, visit_date, starts_at, ends_at, checked_in
				FROM base_visits
				WHERE branch_id = :branch AND visit_date BETWEEN :from AND :to
				ORDER BY visit_date, starts_at, reservation_id, member_id""")
			.bind("branch", branchId)
			.bind("from", from)
			.bind("to", to)
			.map(BaseVisits::read)
			.all();
	}

	/**
	 * Visits recorded at or after {@code from}, oldest first, at most {@code limit}: to
	 * feed the ones recorded before the points intake existed (it is idempotent by the
	 * natural key, so a visit fed twice counts once).
	 */
	public Flux<BaseVisit> recordedSince(Instant from, int limit) {
		return this.db.sql("""
				SELECT reservation_id, member_id, base_id, branch_id, visit_date, starts_at, ends_at, checked_in
				FROM base_visits
				WHERE recorded_at >= :from ORDER BY recorded_at, reservation_id, member_id LIMIT :limit""")
			.bind("from", from)
			.bind("limit", limit)
			.map(BaseVisits::read)
			.all();
	}

	/** The visits of one reservation, by member. */
	public Flux<BaseVisit> ofReservation(UUID reservationId) {
		return this.db.sql("""
				SELECT reservation_id, member_id, base_id, branch_id, visit_date, starts_at, ends_at, checked_in
				FROM base_visits
				WHERE reservation_id = :reservation ORDER BY member_id""")
			.bind("reservation", reservationId)
			.map(BaseVisits::read)
			.all();
	}

	/**
	 * Records a visit for each attendee, in the caller's transaction, and tells the
	 * listeners about each visit that is new: recording the same attendee twice changes
	 * nothing.
	 */
	Mono<Void> record(Reservation reservation, List<UUID> attendees) {
		LocalDate date = LocalDate.ofInstant(reservation.start(), this.clock.getZone());
		return this.db.sql("""
				INSERT INTO base_visits (reservation_id, member_id, base_id, branch_id, visit_date, starts_at, ends_at,
				                         recorded_at, checked_in)
				SELECT :reservation, m, :base, :branch, :date, :start, :end, :at,
				       EXISTS (SELECT 1 FROM base_checkins c WHERE c.reservation_id = :reservation AND c.member_id = m)
				FROM unnest(:members::uuid[]) AS m
				ON CONFLICT (reservation_id, member_id) DO NOTHING
				RETURNING reservation_id, member_id, base_id, branch_id, visit_date, starts_at, ends_at, checked_in""")
			.bind("reservation", reservation.id())
			.bind("base", reservation.baseId())
			.bind("branch", reservation.orgId())
			.bind("date", date)
			.bind("start", reservation.start())
			.bind("end", reservation.end())
			.bind("at", this.clock.instant())
			.bind("members", attendees.toArray(UUID[]::new))
			.map(BaseVisits::read)
			.all()
			.collectList()
			.flatMapMany((visits) -> Flux.fromStream(this.listeners::orderedStream)
				.concatMap((listener) -> Flux.fromIterable(visits).concatMap(listener::visited)))
			.then();
	}

	private static BaseVisit read(Readable row) {
		return new BaseVisit(row.get("reservation_id", UUID.class), row.get("member_id", UUID.class),
				row.get("base_id", UUID.class), row.get("branch_id", UUID.class),
				row.get("visit_date", LocalDate.class), row.get("starts_at", Instant.class),
				row.get("ends_at", Instant.class), Boolean.TRUE.equals(row.get("checked_in", Boolean.class)));
	}

}
