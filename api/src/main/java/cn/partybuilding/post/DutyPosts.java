package cn.partybuilding.post;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.org.OrgType;
import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.post.DutyPostRepository.Holder;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Setting up duty posts (a secretary or org admin of the unit), assigning them to members
 * of the unit's subtree — of the branch, for a group's post, since members belong to
 * branches — and listing them with their holders.
 */
@Service
class DutyPosts {

	private static final Role[] ADMINISTERING = { Role.SECRETARY, Role.ORG_ADMIN };

	private final DutyPostRepository repository;

	private final AccessPolicy access;

	private final Clock clock;

	DutyPosts(DutyPostRepository repository, AccessPolicy access, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.clock = clock;
	}

	Mono<WithHolders> create(Caller caller, UUID orgId, String name, String duties) {
		return this.access.require(caller, orgId, ADMINISTERING)
			.flatMap((org) -> this.repository
				.insert(new DutyPost(Ids.newId(), org.id(), name, duties, caller.id(), this.clock.instant())))
			.map((post) -> new WithHolders(post, List.of()));
	}

	Mono<Page<WithHolders>> ofOrg(Caller caller, UUID orgId, PageRequest page) {
		return this.access.requireVisible(caller, orgId)
			.flatMap((org) -> this.repository.ofOrg(org.id(), page).collectList())
			.map((posts) -> page.page(posts, (post) -> List.of(post.id().toString())))
			.flatMap((posts) -> this.repository.holders(posts.items().stream().map(DutyPost::id).toList())
				.collect(Collectors.groupingBy(Holder::postId))
				.map((holders) -> posts
					.map((post) -> new WithHolders(post, holders.getOrDefault(post.id(), List.of())))));
	}

	/**
	 * 201 the first time, the same assignment (200) again; a member outside the subtree
	 * is NOT_IN_SUBTREE.
	 */
	Mono<Assigned> assign(Caller caller, UUID postId, UUID memberId) {
		return this.repository.find(postId)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((post) -> this.access.require(caller, post.orgId(), ADMINISTERING))
			.flatMap((org) -> this.repository
				.assign(postId, membersUnit(org), memberId, caller.id(), this.clock.instant())
				.map((holder) -> new Assigned(holder, true))
				.switchIfEmpty(Mono
					.defer(() -> this.repository.holder(postId, memberId).map((holder) -> new Assigned(holder, false))))
				// Unknown and outside look the same: which members exist elsewhere is not
				// the caller's to learn.
				.switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.NOT_IN_SUBTREE))));
	}

	/** The unit whose subtree's members may hold the unit's posts. */
	private static UUID membersUnit(OrgUnit org) {
		return (org.type() == OrgType.GROUP && org.parentId() != null) ? org.parentId() : org.id();
	}

	/**
	 * A post and who holds it.
	 *
	 * @param holders its holders, oldest assignment first
	 */
	record WithHolders(DutyPost post, List<Holder> holders) {
	}

	/**
	 * An assignment and whether this call made it.
	 *
	 * @param holder the assignment
	 * @param created {@code true} the first time
	 */
	record Assigned(Holder holder, boolean created) {
	}

}
