package cn.partybuilding.org;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A unit of the organization tree.
 *
 * @param id the unit
 * @param parentId the unit above; {@code null} at the top
 * @param name e.g. 和平社区第一网格党支部
 * @param type the level
 * @param kind what it is organized around
 * @param ancestors the ids from the top of the tree down to the parent
 */
public record OrgUnit(UUID id, @Nullable UUID parentId, String name, OrgType type, @Nullable OrgKind kind,
		List<UUID> ancestors) {

	/** The ids from the top of the tree down to this unit, this unit included. */
	public List<UUID> pathWithSelf() {
		List<UUID> path = new java.util.ArrayList<>(this.ancestors);
		path.add(this.id);
		return List.copyOf(path);
	}

	/** Whether {@code other} is this unit or lies below it. */
	public boolean covers(OrgUnit other) {
		return other.id().equals(this.id) || other.ancestors().contains(this.id);
	}

}
