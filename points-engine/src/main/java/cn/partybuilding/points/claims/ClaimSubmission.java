package cn.partybuilding.points.claims;

/** The outcome of claiming a bonus item. */
public sealed interface ClaimSubmission {

	/** The claim waits for the secretary. */
	record Submitted(Claim claim) implements ClaimSubmission {
	}

	/**
	 * No bonus rule with this code that is scored by approved claims is in force on the
	 * date claimed.
	 */
	record RuleNotClaimable(String ruleCode) implements ClaimSubmission {
	}

	/** The member is not on the points roster (not a member of any branch). */
	record NotOnRoster() implements ClaimSubmission {
	}

}
