package cn.partybuilding.member;

/** Where a member stands: probationary (预备党员), full (正式党员), transferred out, or left. */
public enum MemberStatus {

	PROBATIONARY, FULL, TRANSFERRED_OUT, LEFT;

	/**
	 * Whether the member still belongs to the branch: invited to meetings, scored,
	 * greeted.
	 */
	public boolean active() {
		return this == PROBATIONARY || this == FULL;
	}

}
