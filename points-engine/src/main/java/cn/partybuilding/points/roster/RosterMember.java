package cn.partybuilding.points.roster;

import java.util.List;
import java.util.UUID;

/**
 * A member on the points roster.
 *
 * @param branchId the member's branch
 * @param orgPath the branch's ancestors from the top of the tree down, then the branch
 * @param active whether the member still belongs (members who left keep their statements
 * but are not ranked)
 */
public record RosterMember(UUID memberId, UUID branchId, List<UUID> orgPath, boolean active) {

	public RosterMember {
		orgPath = List.copyOf(orgPath);
	}

}
