package cn.partybuilding.post;

import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

import cn.partybuilding.member.HeldPosts;

/** Answers the member feature's question for {@code /me}: which posts a member holds. */
@Component
class PostHolders implements HeldPosts {

	private final DutyPostRepository repository;

	PostHolders(DutyPostRepository repository) {
		this.repository = repository;
	}

	@Override
	public Flux<HeldPost> heldBy(UUID memberId) {
		return this.repository.heldBy(memberId)
			.map((post) -> new HeldPost(post.id(), post.orgId(), post.name(), post.duties()));
	}

}
