package cn.partybuilding.member;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.base.Bases;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * Grants roles. An org admin may make secretaries and org admins within their own subtree, and base admins of the
 * bases their subtree administers, of members they can see; only the system administrator makes system
 * administrators. Roles show in the member's next tokens.
 */
@Service
class RoleGrants {

	private final Accounts accounts;

	private final MemberService members;

	private final AccessPolicy access;

	private final Bases bases;

	RoleGrants(Accounts accounts, MemberService members, AccessPolicy access, Bases bases) {
		this.accounts = accounts;
		this.members = members;
		this.access = access;
		this.bases = bases;
	}

	Mono<GrantedRole> grant(Caller caller, UUID memberId, Role role, @Nullable UUID scopeId) {
		Mono<Void> allowed = switch (role) {
			case MEMBER -> Mono.error(new DomainException(ErrorCode.ROLE_NOT_GRANTABLE, role.name()));
			case SYS_ADMIN -> (scopeId != null) ? Mono.error(DomainException.invalid(Violation.of("scopeId", "none")))
					: caller.isSysAdmin() ? Mono.empty() : Mono.error(DomainException.forbidden());
			case SECRETARY, ORG_ADMIN -> (scopeId == null)
					? Mono.error(DomainException.invalid(Violation.of("scopeId", "required")))
					: this.access.require(caller, scopeId, Role.ORG_ADMIN).then();
			case BASE_ADMIN -> (scopeId == null)
					? Mono.error(DomainException.invalid(Violation.of("scopeId", "required")))
					: baseAdministeredBy(caller, scopeId);
		};
		return this.members.get(caller, memberId)
			.then(allowed)
			.then(Mono.defer(() -> this.accounts.grant(memberId, role, scopeId)))
			.thenReturn(new GrantedRole(memberId.toString(), role, (scopeId != null) ? scopeId.toString() : null));
	}

	/** The base's administering unit must lie in the caller's ORG_ADMIN scope; an unknown base is not found. */
	private Mono<Void> baseAdministeredBy(Caller caller, UUID baseId) {
		return this.bases.find(baseId)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((base) -> this.access.require(caller, base.adminOrgId(), Role.ORG_ADMIN))
			.then();
	}

	/**
	 * A role held by a member.
	 *
	 * @param memberId the member
	 * @param role the role
	 * @param scopeId where it applies
	 */
	record GrantedRole(String memberId, Role role, @Nullable String scopeId) {
	}

}
