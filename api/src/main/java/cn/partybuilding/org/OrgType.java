package cn.partybuilding.org;

import java.util.Set;

/** The levels of the tree, and which may hold which. */
public enum OrgType {

	/** 区委/街道党工委: the top, may hold committees below it. */
	COMMITTEE,

	/** 社区党委/党总支. */
	GENERAL_BRANCH,

	/** 党支部: members belong to exactly one branch. */
	BRANCH,

	/** 党小组: part of a branch. */
	GROUP;

	/**
	 * Whether a unit of this type may be placed directly under a unit of type
	 * {@code parent}.
	 */
	public boolean mayBeUnder(OrgType parent) {
		return switch (this) {
			case COMMITTEE -> parent == COMMITTEE;
			case GENERAL_BRANCH -> parent == COMMITTEE;
			case BRANCH -> Set.of(COMMITTEE, GENERAL_BRANCH).contains(parent);
			case GROUP -> parent == BRANCH;
		};
	}

	/** Only committees stand at the top of a tree. */
	public boolean mayBeRoot() {
		return this == COMMITTEE;
	}

}
