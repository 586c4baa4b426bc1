package cn.partybuilding.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.system.Parameters;
import cn.partybuilding.web.paging.Keyset;
import cn.partybuilding.web.paging.PageRequest;

/**
 * Sign-ups: one per member and project by the unique key, whatever the concurrency; every
 * change of state is a conditional update from the state it leaves, so two racing changes
 * never both apply.
 */
@Repository
class SignupRepository {

	static final String COLUMNS = "id, project_id, member_id, status, signed_up_at, checked_in_at, checked_out_at, "
			+ "recorded_hours, made_up_by, made_up_at, makeup_reason, approved_hours, approved_by, approved_at, "
			+ "approval_reason";

	private static final Keyset BY_ID = Keyset.ascending(Keyset.uuid("id"));

	private final DatabaseClient db;

	SignupRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts a new sign-up; empty when the member has one for the project already. */
	Mono<Signup> insert(UUID id, UUID projectId, UUID memberId, Instant at) {
		return this.db
			.sql("INSERT INTO volunteer_signups (id, project_id, member_id, status, signed_up_at) "
					+ "VALUES (:id, :project, :member, 'SIGNED_UP', :at) "
					+ "ON CONFLICT ON CONSTRAINT volunteer_signups_once DO NOTHING RETURNING " + COLUMNS)
			.bind("id", id)
			.bind("project", projectId)
			.bind("member", memberId)
			.bind("at", at)
			.map(SignupRepository::signup)
			.one();
	}

	Mono<Signup> find(UUID id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM volunteer_signups WHERE id = :id")
			.bind("id", id)
			.map(SignupRepository::signup)
			.one();
	}

	Mono<Signup> findFor(UUID projectId, UUID memberId) {
		return this.db
			.sql("SELECT " + COLUMNS + " FROM volunteer_signups WHERE project_id = :project "
					+ "AND member_id = :member")
			.bind("project", projectId)
			.bind("member", memberId)
			.map(SignupRepository::signup)
			.one();
	}

	/**
	 * Signs the member's cancelled sign-up for the project up again; empty when there is
	 * none cancelled.
	 */
	Mono<Signup> signUpAgain(UUID projectId, UUID memberId, Instant at) {
		return this.db
			.sql("UPDATE volunteer_signups SET status = 'SIGNED_UP', signed_up_at = :at, "
					+ "cancelled_by = NULL, cancelled_at = NULL WHERE project_id = :project AND member_id = :member "
					+ "AND status = 'CANCELLED' RETURNING " + COLUMNS)
			.bind("project", projectId)
			.bind("member", memberId)
			.bind("at", at)
			.map(SignupRepository::signup)
			.one();
	}

	Mono<Signup> cancel(UUID id, UUID by, Instant at) {
		return this.db.sql(transition(SignupStatus.Action.CANCEL, "cancelled_by = :by, cancelled_at = :at"))
			.bind("id", id)
			.bind("by", by)
			.bind("at", at)
			.map(SignupRepository::signup)
			.one();
	}

	Mono<Signup> checkIn(UUID id, Instant at, @Nullable Integer distance) {
		return this.db
			.sql(transition(SignupStatus.Action.CHECK_IN, "checked_in_at = :at, checkin_distance_m = :distance"))
			.bind("id", id)
			.bind("at", at)
			.bind("distance", Parameters.nullable(distance, Integer.class))
			.map(SignupRepository::signup)
			.one();
	}

	Mono<Signup> checkOut(UUID id, Instant at, @Nullable Integer distance, BigDecimal hours) {
		return this.db
			.sql(transition(SignupStatus.Action.CHECK_OUT,
					"checked_out_at = :at, checkout_distance_m = :distance, recorded_hours = :hours"))
			.bind("id", id)
			.bind("at", at)
			.bind("distance", Parameters.nullable(distance, Integer.class))
			.bind("hours", hours)
			.map(SignupRepository::signup)
			.one();
	}

	/** The secretary puts a forgotten checkout, with who, when and why. */
	Mono<Signup> makeUp(UUID id, Instant checkedOutAt, BigDecimal hours, UUID by, Instant at, String reason) {
		return this.db
			.sql(transition(SignupStatus.Action.MAKE_UP,
					"checked_out_at = :out, recorded_hours = :hours, "
							+ "made_up_by = :by, made_up_at = :at, makeup_reason = :reason"))
			.bind("id", id)
			.bind("out", checkedOutAt)
			.bind("hours", hours)
			.bind("by", by)
			.bind("at", at)
			.bind("reason", reason)
			.map(SignupRepository::signup)
			.one();
	}

	Mono<Signup> approve(UUID id, BigDecimal hours, UUID by, Instant at, @Nullable String reason) {
		return this.db
			.sql(transition(SignupStatus.Action.APPROVE,
					"approved_hours = :hours, approved_by = :by, approved_at = :at, approval_reason = :reason"))
			.bind("id", id)
			.bind("hours", hours)
			.bind("by", by)
			.bind("at", at)
			.bind("reason", Parameters.nullable(reason, String.class))
			.map(SignupRepository::signup)
			.one();
	}

	/** The project's sign-ups in the order they were first made. */
	Flux<Signup> ofProject(UUID projectId, PageRequest page) {
		var spec = this.db
			.sql("SELECT " + COLUMNS + " FROM volunteer_signups WHERE project_id = :project" + BY_ID.condition(page)
					+ BY_ID.orderAndLimit())
			.bind("project", projectId);
		return BY_ID.bind(spec, page).map(SignupRepository::signup).all();
	}

	/**
	 * {@code UPDATE} to the state after {@code action}, only from the state it is allowed
	 * from.
	 */
	private static String transition(SignupStatus.Action action, String set) {
		SignupStatus from = SignupStatus.from(action);
		return "UPDATE volunteer_signups SET status = '" + from.after(action) + "', " + set + " WHERE id = :id "
				+ "AND status = '" + from + "' RETURNING " + COLUMNS;
	}

	static Signup signup(Readable row) {
		return new Signup(row.get("id", UUID.class), row.get("project_id", UUID.class),
				row.get("member_id", UUID.class), SignupStatus.valueOf(row.get("status", String.class)),
				row.get("signed_up_at", Instant.class), row.get("checked_in_at", Instant.class),
				row.get("checked_out_at", Instant.class), row.get("recorded_hours", BigDecimal.class),
				new Signup.Audit(row.get("made_up_by", UUID.class), row.get("made_up_at", Instant.class),
						row.get("makeup_reason", String.class), row.get("approved_hours", BigDecimal.class),
						row.get("approved_by", UUID.class), row.get("approved_at", Instant.class),
						row.get("approval_reason", String.class)));
	}

}
