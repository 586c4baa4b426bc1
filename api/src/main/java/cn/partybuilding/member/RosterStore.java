package cn.partybuilding.member;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.org.Orgs;
import cn.partybuilding.personaldata.BlindIndex;
import cn.partybuilding.personaldata.PersonalDataCipher;
import cn.partybuilding.points.roster.PointsRoster;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Stores a checked roster in bulk: one statement for the accounts and one for the
 * members, whatever the number of rows, in one transaction. Encrypted values travel as
 * base64 text and are decoded by PostgreSQL.
 */
@Repository
class RosterStore {

	private final DatabaseClient db;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	private final TransactionalOperator transactions;

	private final Orgs orgs;

	private final PointsRoster pointsRoster;

	RosterStore(DatabaseClient db, PersonalDataCipher cipher, BlindIndex index, TransactionalOperator transactions,
			Orgs orgs, PointsRoster pointsRoster) {
		this.db = db;
		this.cipher = cipher;
		this.index = index;
		this.transactions = transactions;
		this.orgs = orgs;
		this.pointsRoster = pointsRoster;
	}

	/** The branches in the unit's subtree (the unit itself, if it is one). */
	Mono<Set<UUID>> branchesUnder(UUID orgId) {
		return this.db.sql("SELECT id FROM orgs WHERE path @> ARRAY[:org]::uuid[] AND type = 'BRANCH'")
			.bind("org", orgId)
			.map((row) -> row.get("id", UUID.class))
			.all()
			.collect(Collectors.toSet());
	}

	Mono<Void> registerAll(List<NewMember> members) {
		int n = members.size();
		UUID[] ids = new UUID[n];
		String[] ciphers = new String[n];
		String[] indexes = new String[n];
		UUID[] branches = new UUID[n];
		String[] names = new String[n];
		String[] genders = new String[n];
		java.time.LocalDate[] births = new java.time.LocalDate[n];
		java.time.LocalDate[] joined = new java.time.LocalDate[n];
		java.time.LocalDate[] full = new java.time.LocalDate[n];
		String[] statuses = new String[n];
		String[] categories = new String[n];
		Base64.Encoder base64 = Base64.getEncoder();
		for (int i = 0; i < n; i++) {
			NewMember member = members.get(i);
			ids[i] = member.id();
			ciphers[i] = base64.encodeToString(this.cipher.encrypt(member.phone(), member.id()));
			indexes[i] = base64.encodeToString(this.index.phone(member.phone()));
			branches[i] = member.branchId();
			names[i] = member.name();
			genders[i] = member.gender().name();
			births[i] = member.birthDate();
			joined[i] = member.joinedPartyOn();
			full[i] = member.fullMemberOn();
			statuses[i] = ((member.fullMemberOn() != null) ? MemberStatus.FULL : MemberStatus.PROBATIONARY).name();
			categories[i] = member.category().name();
		}
		Mono<Long> accounts = this.db.sql("""
				INSERT INTO accounts (id, phone_cipher, phone_index)
				SELECT id, decode(c, 'base64'), decode(x, 'base64')
				FROM unnest(:ids::uuid[], :ciphers::text[], :indexes::text[]) AS t(id, c, x)
				ON CONFLICT ON CONSTRAINT accounts_phone_unique DO NOTHING""")
			.bind("ids", ids)
			.bind("ciphers", ciphers)
			.bind("indexes", indexes)
			.fetch()
			.rowsUpdated();
		Mono<Long> rows = this.db.sql("""
				INSERT INTO members (id, branch_id, name, gender, birth_date, joined_party_on, full_member_on, status,
				                     category)
				SELECT * FROM unnest(:ids::uuid[], :branches::uuid[], :names::text[], :genders::text[], :births::date[],
				                     :joined::date[], :full::date[], :statuses::text[], :categories::text[])""")
			.bind("ids", ids)
			.bind("branches", branches)
			.bind("names", names)
			.bind("genders", genders)
			.bind("births", births)
			.bind("joined", joined)
			.bind("full", full)
			.bind("statuses", statuses)
			.bind("categories", categories)
			.fetch()
			.rowsUpdated();
		// A phone taken between the check and the insert (a concurrent import) leaves
		// fewer accounts than rows.
		return accounts
			.flatMap((created) -> (created == n) ? rows.then() : Mono.error(new DomainException(ErrorCode.PHONE_TAKEN)))
			.then(enrollForPoints(members))
			.as(this.transactions::transactional);
	}

	/**
	 * Every imported member joins the points roster of their branch, in the import's
	 * transaction.
	 */
	private Mono<Void> enrollForPoints(List<NewMember> members) {
		Map<UUID, List<UUID>> byBranch = members.stream()
			.collect(
					Collectors.groupingBy(NewMember::branchId, Collectors.mapping(NewMember::id, Collectors.toList())));
		return Flux.fromIterable(byBranch.entrySet())
			.concatMap((branch) -> this.orgs.find(branch.getKey())
				.flatMap((unit) -> this.pointsRoster.enrollAll(unit.id(), unit.pathWithSelf(), branch.getValue())))
			.then();
	}

}
