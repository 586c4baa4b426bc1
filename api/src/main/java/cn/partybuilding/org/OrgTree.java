package cn.partybuilding.org;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Grows the tree: a new unit goes under an existing parent of a type that may hold it.
 */
@Service
public class OrgTree {

	private final Orgs orgs;

	OrgTree(Orgs orgs) {
		this.orgs = orgs;
	}

	/**
	 * Adds a unit with a given id (callers pick ids so that loading data twice changes
	 * nothing). An impossible nesting, e.g. a committee under a group, is refused with
	 * {@code ORG_NESTING_INVALID}.
	 */
	public Mono<OrgUnit> add(UUID id, @Nullable UUID parentId, String name, OrgType type, @Nullable OrgKind kind) {
		if (parentId == null) {
			if (!type.mayBeRoot()) {
				return Mono.error(new DomainException(ErrorCode.ORG_NESTING_INVALID, type.name(), "-"));
			}
			return this.orgs.insert(id, null, name, type, kind);
		}
		return this.orgs.find(parentId)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((parent) -> type.mayBeUnder(parent.type()) ? this.orgs.insert(id, parent, name, type, kind) : Mono
				.error(new DomainException(ErrorCode.ORG_NESTING_INVALID, type.name(), parent.type().name())));
	}

}
