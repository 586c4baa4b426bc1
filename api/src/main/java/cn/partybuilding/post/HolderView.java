package cn.partybuilding.post;

import java.time.OffsetDateTime;

/**
 * A member holding a post.
 *
 * @param assignedBy who assigned it
 * @param assignedAt when
 */
record HolderView(String postId, String memberId, String memberName, String assignedBy, OffsetDateTime assignedAt) {
}
