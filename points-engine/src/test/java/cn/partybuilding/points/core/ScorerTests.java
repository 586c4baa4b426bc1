package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static cn.partybuilding.points.core.RuleBuilder.rule;
import static cn.partybuilding.points.core.RuleBuilder.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ScorerTests {

	private static final BusinessCalendar CALENDAR = BusinessCalendar.shanghai();

	@Test
	void aDiscreteEventEarnsTheRulePointsAndSaysWhy() {
		var rule = rule("ATTEND").match(PointsEvent.ACTIVITY_TYPE, "BRANCH_ASSEMBLY").build();
		var event = PointsEvent.of("e1", "m1", EventType.ACTIVITY_ATTENDED, Instant.parse("2026-03-01T02:00:00Z"),
				Map.of(PointsEvent.ACTIVITY_TYPE, "BRANCH_ASSEMBLY", "activityId", "a7"));
		var scoring = scorer(rule).score(event, CapUsage.NONE);
		assertThat(scoring).isInstanceOf(Scoring.Scored.class);
		assertThat(scoring.entries()).containsExactly(new LedgerEntry(EntryKind.AWARD, "e1", "m1",
				EventType.ACTIVITY_ATTENDED, "ATTEND", rule.id(), PointsCategory.BASIC, 2026, LocalDate.of(2026, 3, 1),
				event.occurredAt(), new BigDecimal("3.0"), new BigDecimal("3.0"), null, "attend"));
	}

	@Test
	void perUnitRulesMultiplyByTheQuantityAndTruncateToOneDecimal() {
		var perHour = rule("VOLUNTEER").on(EventType.VOLUNTEER_HOURS_APPROVED)
			.points("1")
			.basis(AmountBasis.PER_UNIT)
			.build();
		var halfPerHour = rule("HALF").on(EventType.VOLUNTEER_HOURS_APPROVED)
			.points("0.5")
			.basis(AmountBasis.PER_UNIT)
			.build();
		var hours = PointsEvent.measured("e1", "m1", EventType.VOLUNTEER_HOURS_APPROVED, shanghai("2026-03-01T10:00"),
				new BigDecimal("2.5"));
		var entries = scorer(perHour, halfPerHour).score(hours, CapUsage.NONE).entries();
		assertThat(entries).extracting(LedgerEntry::ruleCode, LedgerEntry::points)
			.containsExactly(tuple("HALF", new BigDecimal("1.2")), tuple("VOLUNTEER", new BigDecimal("2.5")));
	}

	@Test
	void perEventRulesIgnoreTheQuantity() {
		var rule = rule("BASE").on(EventType.BASE_VISIT_COMPLETED).points("2").build();
		var event = PointsEvent.measured("e1", "m1", EventType.BASE_VISIT_COMPLETED, shanghai("2026-03-01T10:00"),
				new BigDecimal("4"));
		assertThat(scorer(rule).score(event, CapUsage.NONE).entries()).singleElement()
			.extracting(LedgerEntry::points)
			.isEqualTo(new BigDecimal("2.0"));
	}

	@Test
	void aDailyCapCutsPartiallyThenToZeroAndResetsTheNextDay() {
		var study = rule("STUDY").on(EventType.STUDY_COMPLETED)
			.points("1")
			.basis(AmountBasis.PER_UNIT)
			.caps("2", null, "30")
			.build();
		var ledger = new LedgerRun(scorer(study));
		ledger.score(study("e1", "2026-03-01T08:00", "1.5"));
		var partial = ledger.score(study("e2", "2026-03-01T09:00", "1"));
		var none = ledger.score(study("e3", "2026-03-01T23:59:59", "1"));
		var nextDay = ledger.score(study("e4", "2026-03-02T00:00", "1"));
		assertThat(partial).isEqualTo(new Cut("1.0", "0.5", CapPeriod.DAY));
		assertThat(none).isEqualTo(new Cut("1.0", "0.0", CapPeriod.DAY));
		assertThat(nextDay).isEqualTo(new Cut("1.0", "1.0", null));
	}

	@Test
	void aMonthlyCapCutsPartiallyThenToZeroAndResetsTheNextMonth() {
		var lecture = rule("LECTURE").caps(null, "5", null).build();
		var ledger = new LedgerRun(scorer(lecture));
		ledger.score(attended("e1", "2026-03-01T10:00"));
		var partial = ledger.score(attended("e2", "2026-03-31T23:00"));
		var none = ledger.score(attended("e3", "2026-03-31T23:30"));
		var nextMonth = ledger.score(attended("e4", "2026-04-01T00:10"));
		assertThat(partial).isEqualTo(new Cut("3.0", "2.0", CapPeriod.MONTH));
		assertThat(none).isEqualTo(new Cut("3.0", "0.0", CapPeriod.MONTH));
		assertThat(nextMonth).isEqualTo(new Cut("3.0", "3.0", null));
	}

	@Test
	void aYearlyCapCutsPartiallyThenToZeroAndResetsOnNewYearInShanghai() {
		var assembly = rule("ASSEMBLY").caps(null, null, "12").from(LocalDate.of(2025, 1, 1)).build();
		var ledger = new LedgerRun(scorer(assembly));
		for (int month = 1; month <= 3; month++) {
			ledger.score(attended("e" + month, "2025-0" + month + "-10T10:00"));
		}
		var partialRule = assembly.withPoints(new BigDecimal("4"));
		var partial = new LedgerRun(scorer(partialRule), ledger.ledger).score(attended("e4", "2025-04-10T10:00"));
		assertThat(partial).isEqualTo(new Cut("4.0", "3.0", CapPeriod.YEAR));
		var full = ledger.score(attended("e5", "2025-05-10T10:00"));
		var none = ledger.score(attended("e6", "2025-12-31T23:59:59"));
		var newYear = ledger.score(attended("e7", "2026-01-01T00:00"));
		assertThat(full).isEqualTo(new Cut("3.0", "3.0", null));
		assertThat(none).isEqualTo(new Cut("3.0", "0.0", CapPeriod.YEAR));
		assertThat(newYear).isEqualTo(new Cut("3.0", "3.0", null));
		assertThat(ledger.ledger.entries().getLast().year()).isEqualTo(2026);
	}

	@Test
	void theTightestCapCutsAndIsNamed() {
		var rule = rule("ATTEND").caps("10", "4", "20").build();
		var usage = new CapUsage(
				Map.of("ATTEND", new PeriodTotals(new BigDecimal("0"), new BigDecimal("2"), new BigDecimal("18.5"))));
		var entry = scorer(rule).score(attended("e1", "2026-03-01T10:00"), usage).entries().getFirst();
		assertThat(entry.points()).isEqualTo("1.5");
		assertThat(entry.requested()).isEqualTo("3.0");
		assertThat(entry.cappedBy()).isEqualTo(CapPeriod.YEAR);
		var sameRoom = new CapUsage(
				Map.of("ATTEND", new PeriodTotals(new BigDecimal("8"), new BigDecimal("2"), new BigDecimal("18"))));
		var tie = scorer(rule).score(attended("e1", "2026-03-01T10:00"), sameRoom).entries().getFirst();
		assertThat(tie.points()).isEqualTo("2.0");
		assertThat(tie.cappedBy()).isEqualTo(CapPeriod.DAY);
	}

	@Test
	void deductionsAreNegativeAndTheirCapBoundsTheTotalDeducted() {
		var absence = rule("ABSENT").category(PointsCategory.DEDUCTION)
			.on(EventType.ACTIVITY_ABSENT_WITHOUT_LEAVE)
			.points("2")
			.caps(null, null, "5")
			.build();
		var ledger = new LedgerRun(scorer(absence));
		var cuts = List.of("03-01", "03-02", "03-03", "03-04")
			.stream()
			.map((day) -> ledger.score(PointsEvent.of("e" + day, "m1", EventType.ACTIVITY_ABSENT_WITHOUT_LEAVE,
					shanghai("2026-" + day + "T10:00"), Map.of())))
			.toList();
		assertThat(cuts).containsExactly(new Cut("-2.0", "-2.0", null), new Cut("-2.0", "-2.0", null),
				new Cut("-2.0", "-1.0", CapPeriod.YEAR), new Cut("-2.0", "0.0", CapPeriod.YEAR));
		assertThat(ledger.ledger.balance(2026).deduction()).isEqualTo("-5.0");
	}

	@Test
	void anEventNoRuleAppliesToIsAnExplicitOutcome() {
		var rule = rule("ATTEND").match(PointsEvent.ACTIVITY_TYPE, "BRANCH_ASSEMBLY").build();
		var other = PointsEvent.of("e1", "m1", EventType.ACTIVITY_ATTENDED, shanghai("2026-03-01T10:00"),
				Map.of(PointsEvent.ACTIVITY_TYPE, "OTHER"));
		var beforeRules = PointsEvent.of("e2", "m1", EventType.ACTIVITY_ATTENDED, shanghai("2025-12-31T23:59"),
				Map.of(PointsEvent.ACTIVITY_TYPE, "BRANCH_ASSEMBLY"));
		assertThat(scorer(rule).score(other, CapUsage.NONE))
			.isEqualTo(new Scoring.NoRuleInForce(other, LocalDate.of(2026, 3, 1)));
		assertThat(scorer(rule).score(beforeRules, CapUsage.NONE)).isInstanceOf(Scoring.NoRuleInForce.class);
		assertThat(scorer(rule).score(beforeRules, CapUsage.NONE).entries()).isEmpty();
	}

	@Test
	void theRuleVersionInForceOnTheLocalDateScores() {
		var old = rule("ATTEND").id("old").to(LocalDate.of(2026, 3, 31)).build();
		var current = rule("ATTEND").id("new").points("5").from(LocalDate.of(2026, 4, 1)).build();
		var scorer = scorer(old, current);
		// 2026-03-31T16:00Z is already 1 April in Shanghai.
		var lastOld = attendedAt("e1", Instant.parse("2026-03-31T15:59:59Z"));
		var firstNew = attendedAt("e2", Instant.parse("2026-03-31T16:00:00Z"));
		assertThat(scorer.score(lastOld, CapUsage.NONE).entries())
			.extracting(LedgerEntry::ruleVersionId, LedgerEntry::points)
			.containsExactly(tuple("old", new BigDecimal("3.0")));
		assertThat(scorer.score(firstNew, CapUsage.NONE).entries())
			.extracting(LedgerEntry::ruleVersionId, LedgerEntry::points)
			.containsExactly(tuple("new", new BigDecimal("5.0")));
		assertThat(scorer.rulesFor(firstNew)).containsExactly(current);
	}

	@Test
	void aClaimIsScoredByTheClaimedRuleWithItsCapAndReason() {
		var scorer = new Scorer(DefaultRuleBook.of(RuleBuilder.START), CALENDAR);
		var ledger = new LedgerRun(scorer);
		var claim = PointsEvent.claim("c1", "m1", shanghai("2026-06-01T10:00"), "COMMENDATION", "区级表彰");
		var entry = scorer.score(claim, CapUsage.NONE).entries();
		assertThat(entry).singleElement().satisfies((e) -> {
			assertThat(e.ruleCode()).isEqualTo("COMMENDATION");
			assertThat(e.category()).isEqualTo(PointsCategory.BONUS);
			assertThat(e.points()).isEqualTo("5.0");
			assertThat(e.reason()).isEqualTo("区级表彰");
		});
		ledger.score(PointsEvent.claim("c1", "m1", shanghai("2026-06-01T10:00"), "ADVANCED_MODEL", null));
		var capped = ledger.score(PointsEvent.claim("c2", "m1", shanghai("2026-07-01T10:00"), "ADVANCED_MODEL", null));
		assertThat(capped).isEqualTo(new Cut("10.0", "0.0", CapPeriod.YEAR));
	}

	@Test
	void manualAdjustmentsScoreTheirExplicitSignedAmount() {
		var scorer = new Scorer(DefaultRuleBook.of(RuleBuilder.START), CALENDAR);
		var bonus = scorer
			.score(PointsEvent.adjustment("a1", "m1", shanghai("2026-06-01T10:00"), new BigDecimal("7.25"), "组织协调"),
					CapUsage.NONE)
			.entries();
		var deduction = scorer
			.score(PointsEvent.adjustment("a2", "m1", shanghai("2026-06-01T10:00"), new BigDecimal("-3"), "违纪"),
					CapUsage.NONE)
			.entries();
		assertThat(bonus)
			.extracting(LedgerEntry::ruleCode, LedgerEntry::category, LedgerEntry::points, LedgerEntry::reason)
			.containsExactly(tuple("MANUAL_BONUS", PointsCategory.BONUS, new BigDecimal("7.2"), "组织协调"));
		assertThat(deduction).extracting(LedgerEntry::ruleCode, LedgerEntry::category, LedgerEntry::points)
			.containsExactly(tuple("MANUAL_DEDUCTION", PointsCategory.DEDUCTION, new BigDecimal("-3.0")));
	}

	@Test
	void everyMatchingRuleCodeGetsItsOwnEntry() {
		var attendance = rule("ATTEND").build();
		var extra = rule("EXTRA").category(PointsCategory.BONUS).points("1").caps(null, null, "1").build();
		var usage = new CapUsage(Map.of()).with("EXTRA",
				new PeriodTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE));
		var entries = scorer(attendance, extra).score(attended("e1", "2026-03-01T10:00"), usage).entries();
		assertThat(entries).extracting(LedgerEntry::ruleCode, LedgerEntry::points, LedgerEntry::cappedBy)
			.containsExactly(tuple("ATTEND", new BigDecimal("3.0"), null),
					tuple("EXTRA", new BigDecimal("0.0"), CapPeriod.YEAR));
	}

	private static Scorer scorer(RuleVersion... rules) {
		return new Scorer(RuleBook.of(List.of(rules)), CALENDAR);
	}

	private static PointsEvent attended(String eventId, String localDateTime) {
		return attendedAt(eventId, shanghai(localDateTime));
	}

	private static PointsEvent attendedAt(String eventId, Instant at) {
		return PointsEvent.of(eventId, "m1", EventType.ACTIVITY_ATTENDED, at, Map.of());
	}

	private static PointsEvent study(String eventId, String localDateTime, String items) {
		return PointsEvent.measured(eventId, "m1", EventType.STUDY_COMPLETED, shanghai(localDateTime),
				new BigDecimal(items));
	}

	/** What one scoring asked for and got, of its single entry. */
	record Cut(String requested, String awarded, @Nullable CapPeriod cappedBy) {

		Cut(LedgerEntry entry) {
			this(entry.requested().toPlainString(), entry.points().toPlainString(), entry.cappedBy());
		}

	}

	/**
	 * Scores events one after another, feeding each the cap usage of the entries so far.
	 */
	static final class LedgerRun {

		private final Scorer scorer;

		private Ledger ledger;

		LedgerRun(Scorer scorer) {
			this(scorer, Ledger.empty());
		}

		LedgerRun(Scorer scorer, Ledger ledger) {
			this.scorer = scorer;
			this.ledger = ledger;
		}

		Cut score(PointsEvent event) {
			var scoring = this.scorer.score(event, this.ledger.capUsageOn(CALENDAR.dateOf(event.occurredAt())));
			this.ledger = this.ledger.append(scoring.entries());
			return new Cut(scoring.entries().getFirst());
		}

	}

}
