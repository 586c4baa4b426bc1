package cn.partybuilding.member;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.org.OrgType;
import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.org.Orgs;
import cn.partybuilding.points.roster.PointsRoster;
import cn.partybuilding.system.Parameters;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Registers members: an account (phone encrypted) and the member's record, together or
 * not at all.
 */
@Service
public class Members {

	private final DatabaseClient db;

	private final Accounts accounts;

	private final Orgs orgs;

	private final TransactionalOperator transactions;

	private final PointsRoster pointsRoster;

	Members(DatabaseClient db, Accounts accounts, Orgs orgs, TransactionalOperator transactions,
			PointsRoster pointsRoster) {
		this.db = db;
		this.accounts = accounts;
		this.orgs = orgs;
		this.transactions = transactions;
		this.pointsRoster = pointsRoster;
	}

	/**
	 * Registers a member in a branch; {@code PHONE_TAKEN} when the phone has an account,
	 * {@code BRANCH_REQUIRED} when the unit is not a branch, not found when there is no
	 * such unit.
	 */
	public Mono<UUID> register(NewMember member) {
		return this.orgs.find(member.branchId())
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.filter((branch) -> branch.type() == OrgType.BRANCH)
			.switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.BRANCH_REQUIRED)))
			.flatMap((branch) -> this.accounts.create(member.id(), member.phone(), member.passwordHash())
				.then(insert(member))
				.then(enrollForPoints(member, branch)))
			.as(this.transactions::transactional)
			.thenReturn(member.id());
	}

	/** Whether a member (or any account) with this id exists. */
	public Mono<Boolean> exists(UUID id) {
		return this.db.sql("SELECT 1 FROM members WHERE id = :id")
			.bind("id", id)
			.map((row) -> true)
			.one()
			.defaultIfEmpty(false);
	}

	/**
	 * Points: every member is on the points roster of their branch, enrolled in the
	 * registering transaction.
	 */
	private Mono<Void> enrollForPoints(NewMember member, OrgUnit branch) {
		return this.pointsRoster.enroll(member.id(), branch.id(), branch.pathWithSelf());
	}

	private Mono<Void> insert(NewMember member) {
		MemberStatus status = (member.fullMemberOn() != null) ? MemberStatus.FULL : MemberStatus.PROBATIONARY;
		return this.db.sql("""
				INSERT INTO members (id, branch_id, name, gender, birth_date, joined_party_on, full_member_on, status,
				                     category)
				VALUES (:id, :branch, :name, :gender, :birth, :joined, :full, :status, :category)""")
			.bind("id", member.id())
			.bind("branch", member.branchId())
			.bind("name", member.name())
			.bind("gender", member.gender().name())
			.bind("birth", member.birthDate())
			.bind("joined", member.joinedPartyOn())
			.bind("full", Parameters.nullable(member.fullMemberOn(), java.time.LocalDate.class))
			.bind("status", status.name())
			.bind("category", member.category().name())
			.then();
	}

}
