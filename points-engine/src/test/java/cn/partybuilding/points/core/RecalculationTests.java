package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static cn.partybuilding.points.core.RuleBuilder.rule;
import static cn.partybuilding.points.core.RuleBuilder.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RecalculationTests {

	private static final BusinessCalendar CALENDAR = BusinessCalendar.shanghai();

	private final RuleVersion attend = rule("ATTEND").caps(null, null, "12").build();

	private final List<PointsEvent> events = List.of(attended("e3", "2026-05-01T10:00"),
			attended("e1", "2026-03-01T10:00"), attended("e2", "2026-04-01T10:00"));

	@Test
	void changedPointsAreCompensatedPerEventAndRule() {
		var existing = scoreInOrder(RuleBook.of(List.of(this.attend)), this.events);
		var raised = RuleBook.of(List.of(this.attend.withPoints(new BigDecimal("5"))));
		var compensations = recalculation(raised).compensations(existing, this.events, "规则调整");
		assertThat(compensations)
			.extracting(LedgerEntry::kind, LedgerEntry::eventId, LedgerEntry::points, LedgerEntry::reason)
			.containsExactly(tuple(EntryKind.COMPENSATION, "e1", new BigDecimal("2.0"), "规则调整"),
					tuple(EntryKind.COMPENSATION, "e2", new BigDecimal("2.0"), "规则调整"),
					tuple(EntryKind.COMPENSATION, "e3", new BigDecimal("-1.0"), "规则调整"));
		var after = new Ledger(existing).append(compensations);
		assertThat(after.balance(2026).total()).isEqualTo("12.0");
		assertThat(after.pointsFor("e3", "ATTEND")).isEqualTo("2.0");
		assertThat(recalculation(raised).compensations(after.entries(), this.events, "再算")).isEmpty();
	}

	@Test
	void aRuleNoLongerInForceIsCompensatedByMinusWhatItGave() {
		var existing = scoreInOrder(RuleBook.of(List.of(this.attend)), this.events);
		var ended = RuleBook.of(List.of(rule("ATTEND").caps(null, null, "12").to(LocalDate.of(2026, 3, 31)).build()));
		var compensations = recalculation(ended).compensations(existing, this.events, "规则废止");
		assertThat(compensations).extracting(LedgerEntry::eventId, LedgerEntry::ruleCode, LedgerEntry::points)
			.containsExactly(tuple("e2", "ATTEND", new BigDecimal("-3.0")),
					tuple("e3", "ATTEND", new BigDecimal("-3.0")));
		var after = new Ledger(existing).append(compensations);
		assertThat(after.balance(2026).total()).isEqualTo("3.0");
		assertThat(recalculation(ended).compensations(after.entries(), this.events, "再算")).isEmpty();
	}

	@Test
	void aNewRuleIsCompensatedByWhatItGivesAndKeepsItsCategory() {
		var existing = scoreInOrder(RuleBook.of(List.of(this.attend)), this.events);
		var extra = rule("EXTRA").category(PointsCategory.BONUS).points("1").caps(null, null, "2").build();
		var withExtra = RuleBook.of(List.of(this.attend, extra));
		var compensations = recalculation(withExtra).compensations(existing, this.events, "新增规则");
		assertThat(compensations)
			.extracting(LedgerEntry::eventId, LedgerEntry::ruleCode, LedgerEntry::ruleVersionId, LedgerEntry::category,
					LedgerEntry::points)
			.containsExactly(tuple("e1", "EXTRA", extra.id(), PointsCategory.BONUS, new BigDecimal("1.0")),
					tuple("e2", "EXTRA", extra.id(), PointsCategory.BONUS, new BigDecimal("1.0")));
		var after = new Ledger(existing).append(compensations);
		assertThat(after.balance(2026).bonus()).isEqualTo("2.0");
		assertThat(recalculation(withExtra).compensations(after.entries(), this.events, "再算")).isEmpty();
	}

	@Test
	void unchangedRulesNeedNoCompensationButOutOfOrderScoringIsReplayedInTimeOrder() {
		var book = RuleBook.of(List.of(this.attend.withCaps(Caps.yearly(new BigDecimal("7")))));
		var existing = scoreInOrder(book, this.events);
		assertThat(recalculation(book).compensations(existing, this.events, "重算")).isEmpty();
		var arrivalOrder = new ArrayList<LedgerEntry>();
		for (PointsEvent event : this.events) {
			var usage = new Ledger(arrivalOrder).capUsageOn(CALENDAR.dateOf(event.occurredAt()));
			arrivalOrder.addAll(new Scorer(book, CALENDAR).score(event, usage).entries());
		}
		// e3 arrived first and took the full 3 points; the replay in time order gives e3
		// the cut 1 point.
		assertThat(recalculation(book).compensations(arrivalOrder, this.events, "重算"))
			.extracting(LedgerEntry::eventId, LedgerEntry::points)
			.containsExactly(tuple("e2", new BigDecimal("2.0")), tuple("e3", new BigDecimal("-2.0")));
	}

	@Test
	void manualAdjustmentsAreCarriedOverAsTheyWere() {
		var defaults = DefaultRuleBook.of(RuleBuilder.START);
		var adjustment = PointsEvent.adjustment("a1", "m1", shanghai("2026-03-02T10:00"), new BigDecimal("4"), "表现突出");
		var existing = scoreInOrder(defaults, List.of(adjustment));
		var withoutManualRules = RuleBook
			.of(defaults.versions().stream().filter((v) -> v.eventType() != EventType.MANUAL_ADJUSTMENT).toList());
		assertThat(recalculation(withoutManualRules).compensations(existing, List.of(adjustment), "重算")).isEmpty();
		assertThat(recalculation(withoutManualRules).replay(existing, List.of(adjustment)).entries())
			.isEqualTo(existing);
		assertThat(recalculation(defaults).replay(List.of(), List.of(adjustment)).entries())
			.as("an adjustment never scored before is scored under the current rules")
			.isEqualTo(existing);
	}

	@Test
	void entriesOfEventsNoLongerListedAreCompensatedToZero() {
		var existing = scoreInOrder(RuleBook.of(List.of(this.attend)), this.events);
		var compensations = recalculation(RuleBook.of(List.of(this.attend))).compensations(existing,
				this.events.subList(1, 3), "重算");
		assertThat(compensations).extracting(LedgerEntry::eventId, LedgerEntry::points)
			.containsExactly(tuple("e3", new BigDecimal("-3.0")));
	}

	private static Recalculation recalculation(RuleBook book) {
		return new Recalculation(new Scorer(book, CALENDAR));
	}

	private static List<LedgerEntry> scoreInOrder(RuleBook book, List<PointsEvent> events) {
		return recalculation(book).replay(List.of(), events).entries();
	}

	private static PointsEvent attended(String eventId, String localDateTime) {
		return PointsEvent.of(eventId, "m1", EventType.ACTIVITY_ATTENDED, shanghai(localDateTime), Map.of());
	}

}
