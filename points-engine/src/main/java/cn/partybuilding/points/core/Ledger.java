package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.partybuilding.points.core.LedgerEntry.EventRule;

/**
 * A member's ledger entries in the order they were appended, and the sums that explain
 * every figure.
 */
public record Ledger(List<LedgerEntry> entries) {

	public Ledger {
		entries = List.copyOf(entries);
	}

	/** A ledger without entries. */
	public static Ledger empty() {
		return new Ledger(List.of());
	}

	/** This ledger with more entries appended. */
	public Ledger append(Collection<LedgerEntry> more) {
		List<LedgerEntry> next = new ArrayList<>(this.entries);
		next.addAll(more);
		return new Ledger(next);
	}

	/** The sum of all entries. */
	public BigDecimal total() {
		return this.entries.stream().map(LedgerEntry::points).reduce(Points.ZERO, BigDecimal::add);
	}

	/** The balance of one year. */
	public Balance balance(int year) {
		return Balance.of(year, this.entries);
	}

	/**
	 * The cap usage of every rule code in the day, month and year containing
	 * {@code date}.
	 */
	public CapUsage capUsageOn(LocalDate date) {
		Map<String, PeriodTotals> usage = new HashMap<>();
		for (LedgerEntry entry : this.entries) {
			if (CapPeriod.YEAR.same(date, entry.localDate())) {
				usage.merge(entry.ruleCode(), usageOf(entry, date), Ledger::plus);
			}
		}
		return new CapUsage(usage);
	}

	/** The sum of the entries of one event under one rule code. */
	public BigDecimal pointsFor(String eventId, String ruleCode) {
		return sumsByEventAndRule().getOrDefault(new EventRule(eventId, ruleCode), Points.ZERO);
	}

	Map<EventRule, BigDecimal> sumsByEventAndRule() {
		Map<EventRule, BigDecimal> sums = new LinkedHashMap<>();
		this.entries.forEach((entry) -> sums.merge(entry.eventRule(), entry.points(), BigDecimal::add));
		return sums;
	}

	private static PeriodTotals usageOf(LedgerEntry entry, LocalDate date) {
		BigDecimal magnitude = entry.magnitude();
		return new PeriodTotals(CapPeriod.DAY.same(date, entry.localDate()) ? magnitude : Points.ZERO,
				CapPeriod.MONTH.same(date, entry.localDate()) ? magnitude : Points.ZERO, magnitude);
	}

	private static PeriodTotals plus(PeriodTotals a, PeriodTotals b) {
		return new PeriodTotals(a.day().add(b.day()), a.month().add(b.month()), a.year().add(b.year()));
	}

}
