package cn.partybuilding.points.claims;

/**
 * Where a claim stands: waiting for the secretary, approved (and scored), or rejected.
 */
public enum ClaimStatus {

	PENDING, APPROVED, REJECTED

}
