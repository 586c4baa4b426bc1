package cn.partybuilding.points.core;

import java.math.BigDecimal;

/**
 * What a rule does to a member's points: basic or bonus points are awarded, deductions
 * are taken away.
 */
public enum PointsCategory {

	BASIC, BONUS, DEDUCTION;

	/** {@code +1} for awarding categories, {@code -1} for {@link #DEDUCTION}. */
	public int sign() {
		return (this == DEDUCTION) ? -1 : 1;
	}

	/**
	 * Turns a magnitude into a ledger amount and back: the two directions are the same
	 * flip of sign.
	 */
	BigDecimal flip(BigDecimal amount) {
		return (this == DEDUCTION) ? amount.negate() : amount;
	}

}
