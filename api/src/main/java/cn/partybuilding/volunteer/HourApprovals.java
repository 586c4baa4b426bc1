package cn.partybuilding.volunteer;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Decisions;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * The secretary (or org admin) of the project's unit approves a checked-out sign-up's
 * hours — the recorded ones, or fewer with a reason, never more — and never their own.
 * The state change, the points event and the notification are one transaction.
 */
@Service
class HourApprovals {

	private final SignupRepository repository;

	private final ProjectAccess access;

	private final VolunteerEvents events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	HourApprovals(SignupRepository repository, ProjectAccess access, VolunteerEvents events,
			TransactionalOperator transactions, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	Mono<Signup> approve(Caller caller, UUID id, @Nullable BigDecimal hours, @Nullable String reason) {
		return this.repository.find(id)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((signup) -> this.access.requireAdministered(caller, signup.projectId()).flatMap((project) -> {
				Decisions.requireNotOwn(caller, signup.memberId());
				if (hours != null && !ServiceWindow.inHalfHours(hours)) {
					return Mono.error(DomainException.invalid(Violation.of("hours", "volunteer.halfHours")));
				}
				BigDecimal recorded = signup.recordedHours();
				if (signup.status() != SignupStatus.CHECKED_OUT || recorded == null) {
					return Mono.error(DomainException.illegalState(signup.status().name(), "APPROVE"));
				}
				BigDecimal approved = (hours != null) ? hours : recorded;
				if (approved.compareTo(recorded) > 0) {
					return Mono.error(new DomainException(ErrorCode.HOURS_ABOVE_RECORDED,
							recorded.stripTrailingZeros().toPlainString()));
				}
				String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
				if (approved.compareTo(recorded) < 0 && why == null) {
					return Mono.error(DomainException.invalid(Violation.of("reason", "volunteer.reasonWhenLowered")));
				}
				return this.repository.approve(id, approved, caller.id(), this.clock.instant(), why)
					.switchIfEmpty(Mono.defer(() -> this.repository.find(id)
						.flatMap((current) -> Mono
							.error(DomainException.illegalState(current.status().name(), "APPROVE")))))
					.flatMap((done) -> this.events.approved(project, done).thenReturn(done))
					.as(this.transactions::transactional);
			}));
	}

}
