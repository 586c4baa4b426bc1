package cn.partybuilding.attendance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.activity.Activity;
import cn.partybuilding.activity.ActivityAccess;
import cn.partybuilding.activity.ActivityStatus;
import cn.partybuilding.attendance.LeaveRequest.LeaveStatus;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Decisions;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/** Asking for leave before an activity starts, and the secretary's decision. */
@Service
class Leaves {

	private final ActivityAccess access;

	private final LeaveRepository repository;

	private final AttendanceEvents events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	Leaves(ActivityAccess access, LeaveRepository repository, AttendanceEvents events,
			TransactionalOperator transactions, Clock clock) {
		this.access = access;
		this.repository = repository;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** 201 the first time; asking again gives the same request (200). */
	Mono<Asked> ask(Caller caller, UUID activityId, String reason) {
		Instant now = this.clock.instant();
		return this.access.requireSeenWithInvitation(caller, activityId).flatMap((seen) -> {
			Activity activity = seen.activity();
			if (!seen.invited()) {
				return Mono.error(new DomainException(ErrorCode.NOT_INVITED));
			}
			if (activity.status() != ActivityStatus.APPROVED) {
				return Mono.error(new DomainException(ErrorCode.ACTIVITY_NOT_OPEN));
			}
			return this.repository.findFor(activityId, caller.id())
				.map((existing) -> new Asked(existing, false))
				.switchIfEmpty(Mono.defer(() -> {
					if (!now.isBefore(activity.startsAt())) {
						return Mono.error(new DomainException(ErrorCode.LEAVE_TOO_LATE));
					}
					LeaveRequest request = new LeaveRequest(Ids.newId(), activityId, caller.id(), reason.trim(),
							LeaveStatus.PENDING, now, null, null, null);
					return this.repository.insert(request)
						.map((inserted) -> new Asked(inserted, true))
						.switchIfEmpty(Mono.defer(() -> this.repository.findFor(activityId, caller.id())
							.map((existing) -> new Asked(existing, false))));
				}));
		});
	}

	Mono<LeaveRequest> decide(Caller caller, UUID requestId, LeaveStatus to, @Nullable String reason) {
		return this.repository.find(requestId)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((request) -> this.access.requireAdministered(caller, request.activityId())
				.doOnNext((activity) -> Decisions.requireNotOwn(caller, request.memberId()))
				.flatMap((activity) -> this.repository.decide(requestId, to, caller.id(), this.clock.instant(), reason)
					.switchIfEmpty(Mono.error(() -> DomainException.illegalState(request.status().name(),
							(to == LeaveStatus.APPROVED) ? "APPROVE" : "REJECT")))
					.flatMap((decided) -> this.events.leaveDecided(activity, decided).thenReturn(decided))
					.as(this.transactions::transactional)));
	}

	Mono<Page<LeaveRequest>> ofActivity(Caller caller, UUID activityId, PageRequest page) {
		return this.access.requireAdministered(caller, activityId)
			.flatMap((activity) -> this.repository.ofActivity(activityId, page).collectList())
			.map((rows) -> page.page(rows, (request) -> List.of(request.id().toString())));
	}

	/**
	 * A leave request and whether this call made it.
	 *
	 * @param created {@code true} the first time
	 */
	record Asked(LeaveRequest request, boolean created) {
	}

}
