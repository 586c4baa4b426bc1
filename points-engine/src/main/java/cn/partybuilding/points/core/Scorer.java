package cn.partybuilding.points.core;

import java.time.LocalDate;
import java.util.List;

/** Scores events under a rule book on a business calendar. */
public record Scorer(RuleBook rules, BusinessCalendar calendar) {

	/**
	 * The rule versions that will score the event; their codes are the ones whose cap
	 * usage scoring needs.
	 */
	public List<RuleVersion> rulesFor(PointsEvent event) {
		return this.rules.applicableTo(event, this.calendar.dateOf(event.occurredAt()));
	}

	/**
	 * Scores one event given the member's cap usage in the periods around the event's
	 * date, as it stands before this event.
	 */
	public Scoring score(PointsEvent event, CapUsage usage) {
		LocalDate date = this.calendar.dateOf(event.occurredAt());
		List<RuleVersion> applicable = this.rules.applicableTo(event, date);
		if (applicable.isEmpty()) {
			return new Scoring.NoRuleInForce(event, date);
		}
		List<LedgerEntry> entries = applicable.stream().map((rule) -> {
			var requested = rule.requested(event);
			var allowance = Allowance.of(requested, rule.caps(), usage.of(rule.code()));
			return LedgerEntry.award(event, date, rule, requested, allowance);
		}).toList();
		return new Scoring.Scored(event, date, entries);
	}

}
