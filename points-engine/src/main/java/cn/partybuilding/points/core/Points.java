package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Point amounts are {@link BigDecimal}s with exactly one decimal place; this normalises
 * them.
 */
public final class Points {

	/** Zero points, at scale 1. */
	public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(1);

	private Points() {
	}

	/**
	 * The amount at scale 1, truncated towards zero (2.55 becomes 2.5, -2.55 becomes
	 * -2.5).
	 */
	public static BigDecimal of(BigDecimal amount) {
		return amount.setScale(1, RoundingMode.DOWN);
	}

	/** Parses and normalises an amount such as {@code "2.5"}. */
	public static BigDecimal of(String amount) {
		return of(new BigDecimal(amount));
	}

	static BigDecimal times(BigDecimal perUnit, BigDecimal quantity) {
		return of(perUnit.multiply(quantity));
	}

}
