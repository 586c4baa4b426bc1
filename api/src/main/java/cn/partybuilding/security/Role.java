package cn.partybuilding.security;

/**
 * The roles of API.md. Every role but {@link #SYS_ADMIN} is scoped: to an org unit's
 * subtree, or to a base.
 */
public enum Role {

	/** A party member; scoped to their own branch. */
	MEMBER,

	/**
	 * A branch (or higher unit's) secretary; scoped to an org unit and everything below
	 * it.
	 */
	SECRETARY,

	/**
	 * An administrator of a committee or general branch; scoped to an org unit and
	 * everything below it.
	 */
	ORG_ADMIN,

	/** The administrator of one open organizational-life base; scoped to that base. */
	BASE_ADMIN,

	/** Runs the whole system; not scoped. */
	SYS_ADMIN;

	/** Whether the scope of this role is an org unit (rather than a base, or nothing). */
	public boolean scopedToOrg() {
		return this == MEMBER || this == SECRETARY || this == ORG_ADMIN;
	}

}
