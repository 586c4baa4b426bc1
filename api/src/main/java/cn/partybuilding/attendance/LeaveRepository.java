package cn.partybuilding.attendance;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.attendance.LeaveRequest.LeaveStatus;
import cn.partybuilding.system.Parameters;
import cn.partybuilding.web.paging.Keyset;
import cn.partybuilding.web.paging.PageRequest;

/**
 * Leave requests: one per member and activity; decisions are conditional updates from
 * PENDING.
 */
@Repository
class LeaveRepository {

	private static final String COLUMNS = "id, activity_id, member_id, reason, status, created_at, decided_by, "
			+ "decided_at, decision_reason";

	private static final Keyset BY_ID = Keyset.ascending(Keyset.uuid("id"));

	private final DatabaseClient db;

	LeaveRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts the request; empty when the member asked for this activity already. */
	Mono<LeaveRequest> insert(LeaveRequest request) {
		return this.db
			.sql("INSERT INTO leave_requests (id, activity_id, member_id, reason, status, created_at) "
					+ "VALUES (:id, :activity, :member, :reason, 'PENDING', :at) "
					+ "ON CONFLICT ON CONSTRAINT leave_requests_once DO NOTHING RETURNING " + COLUMNS)
			.bind("id", request.id())
			.bind("activity", request.activityId())
			.bind("member", request.memberId())
			.bind("reason", request.reason())
			.bind("at", request.createdAt())
			.map(LeaveRepository::read)
			.one();
	}

	Mono<LeaveRequest> find(UUID id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM leave_requests WHERE id = :id")
			.bind("id", id)
			.map(LeaveRepository::read)
			.one();
	}

	Mono<LeaveRequest> findFor(UUID activityId, UUID memberId) {
		return this.db.sql("SELECT " + COLUMNS + " FROM leave_requests WHERE activity_id = :a AND member_id = :m")
			.bind("a", activityId)
			.bind("m", memberId)
			.map(LeaveRepository::read)
			.one();
	}

	/** Decides a pending request; empty when it is not pending any more. */
	Mono<LeaveRequest> decide(UUID id, LeaveStatus to, UUID decidedBy, Instant at, @Nullable String reason) {
		return this.db
			.sql("UPDATE leave_requests SET status = :to, decided_by = :by, decided_at = :at, "
					+ "decision_reason = :reason WHERE id = :id AND status = 'PENDING' RETURNING " + COLUMNS)
			.bind("id", id)
			.bind("to", to.name())
			.bind("by", decidedBy)
			.bind("at", at)
			.bind("reason", Parameters.nullable(reason, String.class))
			.map(LeaveRepository::read)
			.one();
	}

	Flux<LeaveRequest> ofActivity(UUID activityId, PageRequest page) {
		var spec = this.db
			.sql("SELECT " + COLUMNS + " FROM leave_requests WHERE activity_id = :a" + BY_ID.condition(page)
					+ BY_ID.orderAndLimit())
			.bind("a", activityId);
		return BY_ID.bind(spec, page).map(LeaveRepository::read).all();
	}

	private static LeaveRequest read(Readable row) {
		return new LeaveRequest(row.get("id", UUID.class), row.get("activity_id", UUID.class),
				row.get("member_id", UUID.class), row.get("reason", String.class),
				LeaveStatus.valueOf(row.get("status", String.class)), row.get("created_at", Instant.class),
				row.get("decided_by", UUID.class), row.get("decided_at", Instant.class),
				row.get("decision_reason", String.class));
	}

}
