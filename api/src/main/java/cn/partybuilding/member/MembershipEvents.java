package cn.partybuilding.member;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * What other features must follow when a membership changes, told in the transaction of
 * the change (implemented where sessions are kept: a member's tokens say their branch and
 * roles, and a member who left has none).
 */
public interface MembershipEvents {

	/**
	 * The member left or was transferred out: none of their sessions may go on, and they
	 * log in no more.
	 */
	Mono<Void> ended(UUID memberId);

	/**
	 * What the member's access tokens say changed (a role was removed, they moved to
	 * another branch): tokens issued before must stop working; the member's app gets new
	 * ones by refreshing.
	 */
	Mono<Void> changed(UUID memberId);

}
