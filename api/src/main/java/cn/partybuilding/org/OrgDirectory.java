package cn.partybuilding.org;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.org.OrgController.OrgView;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;

/**
 * The org tree as callers see it: creation under a parent they administer, reading within
 * their scope.
 */
@Service
class OrgDirectory {

	private final OrgTree tree;

	private final OrgQueries queries;

	private final AccessPolicy access;

	OrgDirectory(OrgTree tree, OrgQueries queries, AccessPolicy access) {
		this.tree = tree;
		this.queries = queries;
		this.access = access;
	}

	/**
	 * Creates a unit under a parent the caller administers (ORG_ADMIN over it); a
	 * top-level committee only by the system administrator.
	 */
	Mono<OrgView> create(Caller caller, @Nullable UUID parentId, String name, OrgType type, @Nullable OrgKind kind) {
		if (parentId == null) {
			if (!caller.isSysAdmin()) {
				return Mono.error(DomainException.forbidden());
			}
			return this.tree.add(Ids.newId(), null, name, type, kind).map((unit) -> OrgView.of(unit, 0));
		}
		return this.access.require(caller, parentId, Role.ORG_ADMIN)
			.then(this.tree.add(Ids.newId(), parentId, name, type, kind))
			.map((unit) -> OrgView.of(unit, 0));
	}

	Mono<OrgView> get(Caller caller, UUID id) {
		return this.access.requireVisible(caller, id)
			.flatMap((unit) -> this.queries.memberCount(unit.id()).map((count) -> OrgView.of(unit, count)));
	}

	Mono<Page<OrgView>> children(Caller caller, UUID id, PageRequest page) {
		return this.access.requireVisible(caller, id).flatMap((unit) -> this.queries.children(unit.id(), page));
	}

}
