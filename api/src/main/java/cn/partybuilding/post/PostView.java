package cn.partybuilding.post;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A duty post.
 *
 * @param id the post
 * @param orgId the unit that set it up
 * @param duties what the holder does
 * @param createdBy who set it up
 * @param createdAt when
 * @param holders who holds it
 */
record PostView(String id, String orgId, String name, String duties, String createdBy, OffsetDateTime createdAt,
		List<HolderView> holders) {
}
