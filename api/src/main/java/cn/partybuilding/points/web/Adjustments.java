package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.intake.PointsIntake;
import cn.partybuilding.points.roster.PointsRoster;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Decisions;
import cn.partybuilding.security.Role;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Manual adjustments by a secretary (or admin) over the member's branch: recorded as a
 * {@code MANUAL_ADJUSTMENT} event and scored at once in the request's transaction, so the
 * answer is the ledger entry. Nobody adjusts their own points. Who adjusted is kept in
 * the event's details.
 */
@Service
class Adjustments {

	static final String ADJUSTED_BY = "adjustedBy";

	private final PointsRoster roster;

	private final PointsIntake intake;

	private final AccessPolicy access;

	private final Statements statements;

	private final TransactionalOperator transactions;

	private final Clock clock;

	Adjustments(PointsRoster roster, PointsIntake intake, AccessPolicy access, Statements statements,
			TransactionalOperator transactions, Clock clock) {
		this.roster = roster;
		this.intake = intake;
		this.access = access;
		this.statements = statements;
		this.transactions = transactions;
		this.clock = clock;
	}

	Mono<EntryView> adjust(Caller caller, UUID memberId, BigDecimal points, String reason) {
		return this.roster.find(memberId)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((member) -> this.access.require(caller, member.branchId(), Role.SECRETARY, Role.ORG_ADMIN))
			.flatMap((branch) -> {
				Decisions.requireNotOwn(caller, memberId);
				PointsEvent event = new PointsEvent(PointsIntake.eventId("adjustment", Ids.newId()),
						memberId.toString(), EventType.MANUAL_ADJUSTMENT, this.clock.instant(),
						Map.of(ADJUSTED_BY, caller.id().toString()), BigDecimal.ONE, points, null, reason.strip());
				return this.intake.recordAndScore(event);
			})
			.flatMap((entries) -> entries.isEmpty() ? Mono.error(new DomainException(ErrorCode.NO_RULE_IN_FORCE))
					: Mono.just(this.statements.view(entries.get(0))))
			.as(this.transactions::transactional);
	}

}
