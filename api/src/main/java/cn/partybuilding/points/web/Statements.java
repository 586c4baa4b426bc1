package cn.partybuilding.points.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.points.ledger.PointsStatements;
import cn.partybuilding.points.ledger.RecordedEntry;
import cn.partybuilding.points.ledger.StatementPosition;
import cn.partybuilding.points.ranking.BranchStanding;
import cn.partybuilding.points.ranking.Leaderboards;
import cn.partybuilding.points.roster.PointsRoster;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;

/**
 * Members' points and the statements that explain them, for the member and for the
 * secretaries over them.
 */
@Service
class Statements {

	private final PointsStatements statements;

	private final Leaderboards leaderboards;

	private final PointsRoster roster;

	private final AccessPolicy access;

	private final PointsYears years;

	Statements(PointsStatements statements, Leaderboards leaderboards, PointsRoster roster, AccessPolicy access,
			PointsYears years) {
		this.statements = statements;
		this.leaderboards = leaderboards;
		this.roster = roster;
		this.access = access;
		this.years = years;
	}

	Mono<MyPoints> mine(Caller caller, int year) {
		return Mono
			.zip(this.statements.balance(caller.id(), year),
					this.leaderboards.inBranch(caller.id(), year).defaultIfEmpty(new BranchStanding(null, 0)))
			.map((both) -> new MyPoints(year, both.getT1().total(), both.getT1().basic(), both.getT1().bonus(),
					both.getT1().deduction(), both.getT2().rank(), both.getT2().branchSize()));
	}

	/**
	 * The member's own statement, or one of a member in the branches the caller is
	 * secretary or admin of.
	 */
	Mono<Page<EntryView>> entries(Caller caller, UUID memberId, int year, PageRequest page) {
		StatementPosition after = page.isFirst() ? null
				: new StatementPosition(Instant.parse(page.after(0)), UUID.fromString(page.after(1)));
		return requireReader(caller, memberId)
			.then(this.statements.entries(memberId, year, after, page.fetchSize()).collectList())
			.map((rows) -> page.page(rows, (row) -> List.of(row.entry().occurredAt().toString(), row.id().toString()))
				.map(this::view));
	}

	private Mono<Void> requireReader(Caller caller, UUID memberId) {
		if (caller.id().equals(memberId)) {
			return Mono.empty();
		}
		return this.roster.find(memberId)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((member) -> this.access.require(caller, member.branchId(), Role.SECRETARY, Role.ORG_ADMIN))
			.then();
	}

	EntryView view(RecordedEntry row) {
		var entry = row.entry();
		return new EntryView(row.id().toString(), this.years.local(entry.occurredAt()), entry.eventType(),
				entry.ruleCode(), entry.ruleVersionId(), entry.category(), entry.points(), entry.requested(),
				entry.cappedBy(), entry.reason(), entry.eventId(), entry.kind(), this.years.local(row.recordedAt()));
	}

}
