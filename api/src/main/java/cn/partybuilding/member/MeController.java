package cn.partybuilding.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.member.MemberRepository.MemberWithPhone;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.RoleGrant;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.problem.ErrorCode;

/** {@code /me}: the caller's own profile, and registering with a community (双报到). */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

	private final MemberService members;

	private final Accounts accounts;

	private final HeldPosts posts;

	private final Clock clock;

	MeController(MemberService members, Accounts accounts, HeldPosts posts, Clock clock) {
		this.members = members;
		this.accounts = accounts;
		this.posts = posts;
		this.clock = clock;
	}

	@GetMapping
	Mono<Me> me(Caller caller) {
		LocalDate today = LocalDate.now(this.clock);
		return this.members.own(caller)
			.flatMap((row) -> this.posts.heldBy(caller.id())
				.map(PostView::of)
				.collectList()
				.map((held) -> Me.of(row, caller, today, held)))
			// Accounts that are not members (the system administrator) have only a phone
			// and roles.
			.switchIfEmpty(
					Mono.defer(() -> this.accounts.phoneOf(caller.id()).map((phone) -> Me.account(caller, phone))));
	}

	@PostMapping("/community-registration")
	@ApiErrors(ErrorCode.COMMUNITY_REQUIRED)
	Mono<CommunityRegistration> registerWithCommunity(@Valid @RequestBody CommunityRequest body, Caller caller) {
		return this.members.registerWithCommunity(caller, body.communityId())
			.map((community) -> new CommunityRegistration(community.toString()));
	}

	/**
	 * The community to register with.
	 *
	 * @param communityId an org unit of kind COMMUNITY
	 */
	record CommunityRequest(@NotNull UUID communityId) {
	}

	/**
	 * The community the member is registered with.
	 */
	record CommunityRegistration(String communityId) {
	}

	/**
	 * The caller's profile.
	 *
	 * @param id the account (the member id for members)
	 * @param name the member's name
	 * @param phone the caller's own phone number, in full
	 * @param branchId the member's branch
	 * @param member the member's record, for members
	 * @param roles the roles the caller holds
	 * @param partyYears full years in the party
	 * @param nextPoliticalBirthday the next anniversary of joining (today when it is
	 * today)
	 * @param posts the duty posts the member holds (设岗定责)
	 */
	record Me(String id, @Nullable String name, String phone, @Nullable String branchId,
			MemberViews.@Nullable MemberView member, List<RoleGrant> roles, @Nullable Integer partyYears,
			@Nullable LocalDate nextPoliticalBirthday, List<PostView> posts) {

		static Me of(MemberWithPhone row, Caller caller, LocalDate today, List<PostView> posts) {
			Member member = row.member();
			return new Me(member.id().toString(), member.name(), row.phone(), member.branchId().toString(),
					MemberViews.of(row, caller.id()), caller.roles(),
					PartyAnniversaries.partyYears(member.joinedPartyOn(), today),
					PartyAnniversaries.next(member.joinedPartyOn(), today), posts);
		}

		static Me account(Caller caller, String phone) {
			return new Me(caller.id().toString(), null, phone, null, null, caller.roles(), null, null, List.of());
		}

		@Override
		public String toString() {
			return "Me[" + this.id + "]";
		}

	}

	/**
	 * A duty post the member holds.
	 *
	 * @param id the post
	 * @param orgId the unit that set it up
	 * @param name e.g. 政策宣传岗
	 * @param duties what the holder does
	 */
	record PostView(String id, String orgId, String name, String duties) {

		static PostView of(HeldPosts.HeldPost post) {
			return new PostView(post.id().toString(), post.orgId().toString(), post.name(), post.duties());
		}

	}

}
