package cn.partybuilding.member;

import java.util.UUID;

import reactor.core.publisher.Flux;

/**
 * The duty posts (设岗定责) a member holds, for their profile. Defined here and answered by
 * the post feature, which depends on members and not the other way round.
 */
public interface HeldPosts {

	/** The posts the member holds, oldest assignment first. */
	Flux<HeldPost> heldBy(UUID memberId);

	/**
	 * A post a member holds.
	 *
	 * @param id the post
	 * @param orgId the unit that set it up
	 * @param name e.g. 政策宣传岗
	 * @param duties what the holder does
	 */
	record HeldPost(UUID id, UUID orgId, String name, String duties) {
	}

}
