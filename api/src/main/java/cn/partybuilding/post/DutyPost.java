package cn.partybuilding.post;

import java.time.Instant;
import java.util.UUID;

/**
 * A duty post (岗位) an org unit sets up so that members without a post have a defined
 * responsibility.
 *
 * @param id the post
 * @param orgId the unit that set it up; its subtree's members may hold it
 * @param name e.g. 政策宣传岗, 环境卫生监督岗
 * @param duties what the holder does
 * @param createdBy who set it up
 * @param createdAt when
 */
record DutyPost(UUID id, UUID orgId, String name, String duties, UUID createdBy, Instant createdAt) {
}
