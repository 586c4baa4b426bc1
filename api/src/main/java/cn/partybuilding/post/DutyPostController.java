package cn.partybuilding.post;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.post.DutyPostRepository.Holder;
import cn.partybuilding.security.Caller;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.ErrorCode;

/** 设岗定责: {@code /orgs/{id}/posts} and {@code /posts/{id}/assign}. */
@RestController
@RequestMapping("/api/v1")
class DutyPostController {

	private final DutyPosts posts;

	private final Clock clock;

	DutyPostController(DutyPosts posts, Clock clock) {
		this.posts = posts;
		this.clock = clock;
	}

	@PostMapping("/orgs/{id}/posts")
	Mono<ResponseEntity<PostView>> create(@PathVariable UUID id, @Valid @RequestBody NewPost body, Caller caller) {
		return this.posts.create(caller, id, body.name().strip(), body.duties().strip())
			.map((created) -> ResponseEntity.created(URI.create("/api/v1/posts/" + created.post().id()))
				.body(view(created)));
	}

	@GetMapping("/orgs/{id}/posts")
	Mono<Page<PostView>> ofOrg(@PathVariable UUID id, Caller caller, PageRequest page) {
		return this.posts.ofOrg(caller, id, page).map((result) -> result.map(this::view));
	}

	/** 201 when the member is given the post, 200 with the same assignment when they hold it already. */
	@PostMapping("/posts/{id}/assign")
	@ApiErrors(ErrorCode.NOT_IN_SUBTREE)
	Mono<ResponseEntity<HolderView>> assign(@PathVariable UUID id, @Valid @RequestBody Assignment body,
			Caller caller) {
		return this.posts.assign(caller, id, body.memberId())
			.map((assigned) -> ResponseEntity.status(assigned.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(view(assigned.holder())));
	}

	private PostView view(DutyPosts.WithHolders withHolders) {
		DutyPost post = withHolders.post();
		return new PostView(post.id().toString(), post.orgId().toString(), post.name(), post.duties(),
				post.createdBy().toString(), local(post.createdAt()),
				withHolders.holders().stream().map(this::view).toList());
	}

	private HolderView view(Holder holder) {
		return new HolderView(holder.postId().toString(), holder.memberId().toString(), holder.memberName(),
				holder.assignedBy().toString(), local(holder.assignedAt()));
	}

	private OffsetDateTime local(Instant instant) {
		return instant.atZone(this.clock.getZone()).toOffsetDateTime();
	}

	/**
	 * A post to set up.
	 *
	 * @param name e.g. 政策宣传岗
	 * @param duties what the holder does
	 */
	record NewPost(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 1000) String duties) {
	}

	/**
	 * Whom to give the post.
	 *
	 * @param memberId a member of the unit's subtree
	 */
	record Assignment(@NotNull UUID memberId) {
	}

	/**
	 * A duty post.
	 *
	 * @param id the post
	 * @param orgId the unit that set it up
	 * @param name name
	 * @param duties what the holder does
	 * @param createdBy who set it up
	 * @param createdAt when
	 * @param holders who holds it
	 */
	record PostView(String id, String orgId, String name, String duties, String createdBy, OffsetDateTime createdAt,
			List<HolderView> holders) {
	}

	/**
	 * A member holding a post.
	 *
	 * @param postId the post
	 * @param memberId the member
	 * @param memberName the member's name
	 * @param assignedBy who assigned it
	 * @param assignedAt when
	 */
	record HolderView(String postId, String memberId, String memberName, String assignedBy,
			OffsetDateTime assignedAt) {
	}

}
