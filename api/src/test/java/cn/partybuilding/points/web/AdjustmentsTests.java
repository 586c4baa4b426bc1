package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.org.OrgType;
import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.points.intake.PointsIntake;
import cn.partybuilding.points.roster.PointsRoster;
import cn.partybuilding.points.roster.RosterMember;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.security.RoleGrant;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class AdjustmentsTests {

	@Test
	@SuppressWarnings("unchecked")
	void anAdjustmentNoRuleInForceRecordsIsRefusedAsUnprocessable() {
		UUID branch = UUID.randomUUID();
		UUID member = UUID.randomUUID();
		PointsRoster roster = mock(PointsRoster.class);
		given(roster.find(member)).willReturn(Mono.just(new RosterMember(member, branch, List.of(branch), true)));
		AccessPolicy access = mock(AccessPolicy.class);
		given(access.require(any(), any(), any(Role[].class)))
			.willReturn(Mono.just(new OrgUnit(branch, null, "支部", OrgType.BRANCH, null, List.of())));
		PointsIntake intake = mock(PointsIntake.class);
		given(intake.recordAndScore(any())).willReturn(Mono.just(List.of()));
		TransactionalOperator transactions = mock(TransactionalOperator.class);
		given(transactions.transactional(any(Mono.class))).willAnswer((invocation) -> invocation.getArgument(0));
		Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
		Adjustments adjustments = new Adjustments(roster, intake, access, mock(Statements.class), transactions, clock);
		Caller secretary = new Caller(UUID.randomUUID(), branch, List.of(new RoleGrant(Role.SECRETARY, branch)), null);
		assertThatThrownBy(() -> adjustments.adjust(secretary, member, BigDecimal.ONE, "表现突出").block())
			.isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NO_RULE_IN_FORCE));
	}

}
