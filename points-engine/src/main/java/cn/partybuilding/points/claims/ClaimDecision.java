package cn.partybuilding.points.claims;

/** The outcome of approving or rejecting a claim that exists. */
public sealed interface ClaimDecision {

	/** The claim moved to its new state. */
	record Decided(Claim claim) implements ClaimDecision {
	}

	/** The claim was decided before; it stays as it is. */
	record NotPending(Claim claim) implements ClaimDecision {
	}

}
