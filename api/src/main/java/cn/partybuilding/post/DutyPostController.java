package cn.partybuilding.post;

import java.net.URI;
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

	private final DutyPostViews views;

	DutyPostController(DutyPosts posts, DutyPostViews views) {
		this.posts = posts;
		this.views = views;
	}

	@PostMapping("/orgs/{id}/posts")
	Mono<ResponseEntity<PostView>> create(@PathVariable UUID id, @Valid @RequestBody NewPost body, Caller caller) {
		return this.posts.create(caller, id, body.name().strip(), body.duties().strip())
			.map((created) -> ResponseEntity.created(URI.create("/api/v1/posts/" + created.post().id()))
				.body(this.views.view(created)));
	}

	@GetMapping("/orgs/{id}/posts")
	Mono<Page<PostView>> ofOrg(@PathVariable UUID id, Caller caller, PageRequest page) {
		return this.posts.ofOrg(caller, id, page).map((result) -> result.map(this.views::view));
	}

	/**
	 * 201 when the member is given the post, 200 with the same assignment when they hold
	 * it already.
	 */
	@PostMapping("/posts/{id}/assign")
	@ApiErrors(ErrorCode.NOT_IN_SUBTREE)
	Mono<ResponseEntity<HolderView>> assign(@PathVariable UUID id, @Valid @RequestBody Assignment body, Caller caller) {
		return this.posts.assign(caller, id, body.memberId())
			.map((assigned) -> ResponseEntity.status(assigned.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(this.views.view(assigned.holder())));
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

}
