package cn.partybuilding.security;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A role someone holds, with its scope: an org unit (covering its whole subtree), a base,
 * or none for {@link Role#SYS_ADMIN}.
 *
 * @param scope the org unit or base the role is scoped to
 */
public record RoleGrant(Role role, @Nullable UUID scope) {

}
