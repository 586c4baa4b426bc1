package cn.partybuilding.points.core;

import java.util.HashMap;
import java.util.Map;

/**
 * How much of each rule code's caps a member has used in the periods around an event's
 * date: the magnitude awarded (or, for deductions, deducted) so far, read from the ledger
 * in the transaction that scores the event.
 */
public record CapUsage(Map<String, PeriodTotals> byRuleCode) {

	/** Nothing used. */
	public static final CapUsage NONE = new CapUsage(Map.of());

	public CapUsage {
		byRuleCode = Map.copyOf(byRuleCode);
	}

	/** The usage of one rule code; none when the code has not scored yet. */
	public PeriodTotals of(String ruleCode) {
		return this.byRuleCode.getOrDefault(ruleCode, PeriodTotals.NONE);
	}

	/** This usage with the totals of one rule code replaced. */
	public CapUsage with(String ruleCode, PeriodTotals totals) {
		Map<String, PeriodTotals> next = new HashMap<>(this.byRuleCode);
		next.put(ruleCode, totals);
		return new CapUsage(next);
	}

}
