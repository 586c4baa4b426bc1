package cn.partybuilding.post;

import java.util.List;

import org.mapstruct.Mapper;

import cn.partybuilding.post.DutyPostRepository.Holder;
import cn.partybuilding.web.mapping.ViewMapping;

/** Duty posts and their holders as answers show them. */
@Mapper(config = ViewMapping.class)
interface DutyPostViews {

	default PostView view(DutyPosts.WithHolders post) {
		return view(post.post(), post.holders());
	}

	PostView view(DutyPost post, List<Holder> holders);

	HolderView view(Holder holder);

}
