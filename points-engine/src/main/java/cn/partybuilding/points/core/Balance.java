package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * A member's points of one year by category; {@code deduction} is the (normally negative)
 * sum of deduction entries, so the total is the plain sum of the three.
 */
public record Balance(int year, BigDecimal basic, BigDecimal bonus, BigDecimal deduction) {

	public Balance {
		basic = Points.of(basic);
		bonus = Points.of(bonus);
		deduction = Points.of(deduction);
	}

	/**
	 * The balance of the entries of the given year; entries of other years are ignored.
	 */
	public static Balance of(int year, Collection<LedgerEntry> entries) {
		BigDecimal basic = Points.ZERO;
		BigDecimal bonus = Points.ZERO;
		BigDecimal deduction = Points.ZERO;
		for (LedgerEntry entry : entries) {
			if (entry.year() != year) {
				continue;
			}
			switch (entry.category()) {
				case BASIC -> basic = basic.add(entry.points());
				case BONUS -> bonus = bonus.add(entry.points());
				case DEDUCTION -> deduction = deduction.add(entry.points());
			}
		}
		return new Balance(year, basic, bonus, deduction);
	}

	/** Basic plus bonus plus deduction. */
	public BigDecimal total() {
		return this.basic.add(this.bonus).add(this.deduction);
	}

}
