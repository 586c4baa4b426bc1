package cn.partybuilding.member;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.member.PhoneOwners.Owner;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;

/**
 * Tells which phone numbers are taken, and whether by someone within the caller's
 * subtree: a member of a branch that one of the caller's administering roles (SECRETARY,
 * ORG_ADMIN; the system administrator: all) covers. Those the caller could look after
 * anyway; any other account (a member elsewhere, the system administrator's) is outside,
 * and saying that its number is taken is what {@link PhoneConflictBudget} rations.
 */
@Service
class PhoneConflicts {

	private final PhoneOwners owners;

	PhoneConflicts(PhoneOwners owners) {
		this.owners = owners;
	}

	Mono<Taken> taken(Caller caller, Collection<String> phones) {
		return this.owners.of(phones).map((found) -> {
			Set<String> inside = new HashSet<>();
			Set<String> outside = new HashSet<>();
			found.forEach((phone, owner) -> (inside(caller, owner) ? inside : outside).add(phone));
			return new Taken(inside, outside);
		});
	}

	private static boolean inside(Caller caller, Owner owner) {
		List<UUID> path = owner.branchPath();
		if (path == null) {
			return false;
		}
		return caller.isSysAdmin() || caller.scopesOf(Role.SECRETARY, Role.ORG_ADMIN).stream().anyMatch(path::contains);
	}

	/**
	 * Phone numbers that have an account.
	 *
	 * @param inside held within the caller's subtree
	 * @param outside held anywhere else
	 */
	record Taken(Set<String> inside, Set<String> outside) {

		Set<String> all() {
			Set<String> all = new HashSet<>(this.inside);
			all.addAll(this.outside);
			return all;
		}

	}

}
