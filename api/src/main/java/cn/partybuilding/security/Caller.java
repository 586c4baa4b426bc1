package cn.partybuilding.security;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The authenticated account behind a request, as its access token says: the account (for
 * members, the member id), the member's branch, and the roles held. Controllers receive
 * it as a parameter.
 *
 * @param id the account id (the token's {@code sub})
 * @param branchId the member's branch; {@code null} for accounts that are not members
 * (the system administrator)
 * @param roles the roles with their scopes
 * @param sessionId the refresh-token family the access token was issued for
 */
public record Caller(UUID id, @Nullable UUID branchId, List<RoleGrant> roles, @Nullable UUID sessionId) {

	public Caller {
		roles = List.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.stream().anyMatch((grant) -> grant.role() == role);
	}

	public boolean isSysAdmin() {
		return has(Role.SYS_ADMIN);
	}

	/** The scopes in which the caller holds one of {@code roles}. */
	public List<UUID> scopesOf(Role... roles) {
		List<Role> wanted = List.of(roles);
		return this.roles.stream()
			.filter((grant) -> wanted.contains(grant.role()) && grant.scope() != null)
			.map(RoleGrant::scope)
			.toList();
	}

}
