package cn.partybuilding.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.account.Passwords;
import cn.partybuilding.member.MemberController.MemberPatch;
import cn.partybuilding.member.MemberController.NewMemberRequest;
import cn.partybuilding.member.MemberViews.MemberView;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.org.OrgKind;
import cn.partybuilding.org.OrgType;
import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.org.Orgs;
import cn.partybuilding.personaldata.PhoneNumbers;
import cn.partybuilding.points.roster.PointsRoster;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/** Registering, reading and changing members within the caller's scope. */
@Service
class MemberService {

	private static final Role[] ADMINISTERING = { Role.SECRETARY, Role.ORG_ADMIN };

	private static final String REGISTRATION = "registration";

	private final Members members;

	private final MemberRepository repository;

	private final Passwords passwords;

	private final AccessPolicy access;

	private final Orgs orgs;

	private final TransactionalOperator transactions;

	private final PointsRoster pointsRoster;

	private final ObjectProvider<MembershipEvents> listeners;

	private final PhoneConflicts conflicts;

	private final PhoneConflictBudget budget;

	private final Clock clock;

	MemberService(Members members, MemberRepository repository, Passwords passwords, AccessPolicy access, Orgs orgs,
			TransactionalOperator transactions, PointsRoster pointsRoster, ObjectProvider<MembershipEvents> listeners,
			PhoneConflicts conflicts, PhoneConflictBudget budget, Clock clock) {
		this.members = members;
		this.repository = repository;
		this.passwords = passwords;
		this.access = access;
		this.orgs = orgs;
		this.transactions = transactions;
		this.pointsRoster = pointsRoster;
		this.listeners = listeners;
		this.conflicts = conflicts;
		this.budget = budget;
		this.clock = clock;
	}

	Mono<MemberView> register(Caller caller, NewMemberRequest request) {
		String phone = PhoneNumbers.normalize(request.phone())
			.orElseThrow(() -> DomainException.invalid(Violation.of("phone", "phone")));
		List<Violation> violations = MemberChecks.dates(request.birthDate(), request.joinedPartyOn(),
				request.fullMemberOn(), LocalDate.now(this.clock));
		if (request.initialPassword() != null && !Passwords.hashable(request.initialPassword())) {
			violations.add(Violation.of("initialPassword", "passwordBytes", Passwords.MAX_BYTES));
		}
		if (!violations.isEmpty()) {
			return Mono.error(DomainException.invalid(violations.toArray(Violation[]::new)));
		}
		Mono<String> hash = (request.initialPassword() != null) ? this.passwords.hash(request.initialPassword())
				: Mono.just("");
		return this.access.require(caller, request.branchId(), ADMINISTERING)
			.then(this.budget.requireOpen(caller, request.branchId(), REGISTRATION))
			.then(hash)
			.flatMap((passwordHash) -> this.members
				.register(new NewMember(Ids.newId(), request.branchId(), request.name().trim(), phone, request.gender(),
						request.birthDate(), request.joinedPartyOn(), request.fullMemberOn(), request.category(),
						passwordHash.isEmpty() ? null : passwordHash))
				.onErrorResume(MemberService::phoneTaken,
						(taken) -> spendIfOutside(caller, request.branchId(), phone).then(Mono.error(taken))))
			.flatMap((id) -> this.repository.find(id))
			.map((row) -> MemberViews.of(row, caller.id()));
	}

	/**
	 * A registration whose number is held outside the caller's subtree spends the
	 * caller's daily allowance of such answers, like an import's (one conflict, without a
	 * line), and beyond it is refused as a whole.
	 */
	private Mono<Void> spendIfOutside(Caller caller, UUID branchId, String phone) {
		return this.conflicts.taken(caller, List.of(phone))
			.flatMap((taken) -> taken.outside().isEmpty() ? Mono.empty()
					: this.budget.spend(caller, branchId, REGISTRATION, List.of(Map.of("source", REGISTRATION))));
	}

	private static boolean phoneTaken(Throwable ex) {
		return ex instanceof DomainException domain && domain.code() == ErrorCode.PHONE_TAKEN;
	}

	/**
	 * The member, if it is the caller or the caller's roles cover the member's branch.
	 */
	Mono<MemberView> get(Caller caller, UUID id) {
		return visible(caller, id).map((row) -> MemberViews.of(row, caller.id()));
	}

	Mono<Page<MemberView>> inSubtree(Caller caller, UUID orgId, PageRequest page) {
		return this.access.requireVisible(caller, orgId)
			.flatMap((unit) -> this.repository.inSubtree(unit.id(), page).collectList())
			.map((rows) -> page.page(rows, (row) -> List.of(row.member().id().toString()))
				.map((row) -> MemberViews.of(row, caller.id())));
	}

	/**
	 * Moves a member to another branch, or changes status or category; the caller
	 * administers both branches. A member who leaves (or is transferred out) loses every
	 * session at once; a member who moves gets tokens of the new branch: both in the
	 * transaction of the change.
	 */
	Mono<MemberView> change(Caller caller, UUID id, MemberPatch patch) {
		return visible(caller, id).flatMap((row) -> {
			Member member = row.member();
			Mono<OrgUnit> from = this.access.require(caller, member.branchId(), ADMINISTERING);
			UUID target = (patch.branchId() != null) ? patch.branchId() : member.branchId();
			Mono<OrgUnit> to = this.access.require(caller, target, ADMINISTERING)
				.filter((unit) -> unit.type() == OrgType.BRANCH)
				.switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.BRANCH_REQUIRED)));
			MemberStatus status = (patch.status() != null) ? patch.status() : member.status();
			MemberCategory category = (patch.category() != null) ? patch.category() : member.category();
			LocalDate fullOn = (status == MemberStatus.FULL && member.fullMemberOn() == null)
					? LocalDate.now(this.clock) : member.fullMemberOn();
			return from.then(to)
				.flatMap((branch) -> this.repository.update(id, target, status, category, fullOn)
					// The points roster follows the member, in the same transaction.
					.then(status.active() ? this.pointsRoster.move(id, branch.id(), branch.pathWithSelf())
							: this.pointsRoster.leave(id))
					.then(tell(id, member, status, target)))
				.as(this.transactions::transactional)
				.then(this.repository.find(id));
		}).map((row) -> MemberViews.of(row, caller.id()));
	}

	private Mono<Void> tell(UUID id, Member before, MemberStatus status, UUID branch) {
		if (before.status().active() && !status.active()) {
			return Flux.fromStream(this.listeners::orderedStream).concatMap((listener) -> listener.ended(id)).then();
		}
		if (!branch.equals(before.branchId())) {
			return Flux.fromStream(this.listeners::orderedStream).concatMap((listener) -> listener.changed(id)).then();
		}
		return Mono.empty();
	}

	/**
	 * 双报到: the member registers with the community where they live (an org unit of kind
	 * COMMUNITY).
	 */
	Mono<UUID> registerWithCommunity(Caller caller, UUID communityId) {
		return this.orgs.find(communityId)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.filter((unit) -> unit.kind() == OrgKind.COMMUNITY)
			.switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.COMMUNITY_REQUIRED)))
			.flatMap((unit) -> this.members.exists(caller.id())
				.filter(Boolean::booleanValue)
				.switchIfEmpty(Mono.error(DomainException::notFound))
				.then(this.repository.registerWithCommunity(caller.id(), unit.id()))
				.thenReturn(unit.id()));
	}

	Mono<MemberRepository.MemberWithPhone> own(Caller caller) {
		return this.repository.find(caller.id());
	}

	private Mono<MemberRepository.MemberWithPhone> visible(Caller caller, UUID id) {
		return this.repository.find(id)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((row) -> row.member().id().equals(caller.id()) ? Mono.just(row)
					: this.access.requireVisible(caller, row.member().branchId()).thenReturn(row));
	}

}
