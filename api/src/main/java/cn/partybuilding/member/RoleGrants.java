package cn.partybuilding.member;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.base.Bases;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Decisions;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * Grants and removes roles. An org admin may make and unmake secretaries and org admins
 * within their own subtree, and base admins of the bases their subtree administers, of
 * members they can see; only the system administrator makes system administrators. Nobody
 * changes their own roles. A granted role shows in the member's next tokens; a removed
 * one stops counting at once: the member's tokens are renewed in the transaction of the
 * removal.
 */
@Service
class RoleGrants {

	private final Accounts accounts;

	private final MemberService members;

	private final AccessPolicy access;

	private final Bases bases;

	private final ObjectProvider<MembershipEvents> listeners;

	private final TransactionalOperator transactions;

	RoleGrants(Accounts accounts, MemberService members, AccessPolicy access, Bases bases,
			ObjectProvider<MembershipEvents> listeners, TransactionalOperator transactions) {
		this.accounts = accounts;
		this.members = members;
		this.access = access;
		this.bases = bases;
		this.listeners = listeners;
		this.transactions = transactions;
	}

	Mono<GrantedRole> grant(Caller caller, UUID memberId, Role role, @Nullable UUID scopeId) {
		return allowed(caller, memberId, role, scopeId)
			.then(Mono.defer(() -> this.accounts.grant(memberId, role, scopeId)))
			.thenReturn(new GrantedRole(memberId.toString(), role, (scopeId != null) ? scopeId.toString() : null));
	}

	/**
	 * Removes a role; the member's tokens carrying it stop working on every instance
	 * within seconds.
	 */
	Mono<Void> revoke(Caller caller, UUID memberId, Role role, @Nullable UUID scopeId) {
		return allowed(caller, memberId, role, scopeId)
			.then(Mono.defer(() -> this.accounts.revoke(memberId, role, scopeId)))
			.flatMap((removed) -> removed ? Flux.fromStream(this.listeners::orderedStream)
				.concatMap((listener) -> listener.changed(memberId))
				.then() : Mono.error(DomainException.notFound()))
			.as(this.transactions::transactional);
	}

	/**
	 * Whether the caller may grant or remove {@code role} in {@code scopeId} for the
	 * member.
	 */
	private Mono<Void> allowed(Caller caller, UUID memberId, Role role, @Nullable UUID scopeId) {
		Mono<Void> allowed = switch (role) {
			case MEMBER -> Mono.error(new DomainException(ErrorCode.ROLE_NOT_GRANTABLE, role.name()));
			case SYS_ADMIN -> (scopeId != null) ? Mono.error(DomainException.invalid(Violation.of("scopeId", "none")))
					: caller.isSysAdmin() ? Mono.empty() : Mono.error(DomainException.forbidden());
			case SECRETARY, ORG_ADMIN -> (scopeId != null) ? this.access.require(caller, scopeId, Role.ORG_ADMIN).then()
					: Mono.error(DomainException.invalid(Violation.of("scopeId", "required")));
			case BASE_ADMIN -> (scopeId != null) ? baseAdministeredBy(caller, scopeId)
					: Mono.error(DomainException.invalid(Violation.of("scopeId", "required")));
		};
		return this.members.get(caller, memberId)
			.doOnNext((member) -> Decisions.requireNotOwn(caller, memberId))
			.then(allowed);
	}

	/**
	 * The base's administering unit must lie in the caller's ORG_ADMIN scope; an unknown
	 * base is not found.
	 */
	private Mono<Void> baseAdministeredBy(Caller caller, UUID baseId) {
		return this.bases.find(baseId)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((base) -> this.access.require(caller, base.adminOrgId(), Role.ORG_ADMIN))
			.then();
	}

	/**
	 * A role held by a member.
	 *
	 * @param scopeId where it applies
	 */
	record GrantedRole(String memberId, Role role, @Nullable String scopeId) {
	}

}
