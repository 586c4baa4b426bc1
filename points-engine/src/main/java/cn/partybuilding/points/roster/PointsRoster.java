package cn.partybuilding.points.roster;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The members the points engine ranks and evaluates, with their place in the org tree.
 * The member feature keeps it true by calling it <em>in the same transaction</em> as each
 * change of a member:
 * <ul>
 * <li>{@link #enroll} when a member is registered (or rejoins);</li>
 * <li>{@link #move} when a member moves to another branch: from then on the member is
 * ranked there (the points of the year move along; they belong to the member, not to the
 * branch);</li>
 * <li>{@link #leave} when a member leaves or is transferred out: no longer ranked or
 * evaluated, the statement stays readable.</li>
 * </ul>
 * The path is the branch's ancestors from the top of the tree down, followed by the
 * branch itself ({@code unit.ancestors()} plus {@code unit.id()} of the branch's
 * {@code OrgUnit}).
 */
@Service
public class PointsRoster {

	private final RosterRepository repository;

	private final Clock clock;

	PointsRoster(RosterRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Puts the member on the roster in the branch (or back on it, when the member had
	 * left).
	 * @throws IllegalArgumentException if the path does not end with the branch
	 */
	public Mono<Void> enroll(UUID memberId, UUID branchId, List<UUID> orgPath) {
		return Mono.defer(() -> {
			if (orgPath.isEmpty() || !orgPath.get(orgPath.size() - 1).equals(branchId)) {
				return Mono.error(new IllegalArgumentException("The org path must end with the branch"));
			}
			return this.repository.upsert(memberId, branchId, orgPath, this.clock.instant());
		});
	}

	/**
	 * Enrolls many members of one branch at once (a roster import), in the caller's
	 * transaction.
	 */
	public Mono<Void> enrollAll(UUID branchId, List<UUID> orgPath, List<UUID> memberIds) {
		return Mono.defer(() -> {
			if (orgPath.isEmpty() || !orgPath.get(orgPath.size() - 1).equals(branchId)) {
				return Mono.error(new IllegalArgumentException("The org path must end with the branch"));
			}
			return memberIds.isEmpty() ? Mono.empty()
					: this.repository.upsertAll(memberIds, branchId, orgPath, this.clock.instant());
		});
	}

	/**
	 * Moves the member to another branch (enrolling the member when not on the roster
	 * yet).
	 */
	public Mono<Void> move(UUID memberId, UUID branchId, List<UUID> orgPath) {
		return enroll(memberId, branchId, orgPath);
	}

	/**
	 * Takes the member off leaderboards and evaluations; the ledger and the statement
	 * stay.
	 */
	public Mono<Void> leave(UUID memberId) {
		return Mono.defer(() -> this.repository.leave(memberId, this.clock.instant()));
	}

	/** The member's place; empty when the member was never enrolled. */
	public Mono<RosterMember> find(UUID memberId) {
		return this.repository.find(memberId);
	}

	/**
	 * Up to {@code limit} members (present or past) of the org's subtree, in id order,
	 * after {@code after}.
	 */
	public Flux<UUID> membersUnder(UUID orgId, @Nullable UUID after, int limit) {
		return this.repository.membersUnder(orgId, after, limit);
	}

	/** How many members (present or past) the org's subtree has on the roster. */
	public Mono<Long> countUnder(UUID orgId) {
		return this.repository.countUnder(orgId);
	}

}
