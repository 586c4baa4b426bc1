package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LedgerTests {

	private final Ledger ledger = Ledger.empty()
		.append(List.of(entry("e1", "ATTEND", PointsCategory.BASIC, "2026-03-01", "3"),
				entry("e2", "ATTEND", PointsCategory.BASIC, "2026-03-15", "3"),
				entry("e3", "ATTEND", PointsCategory.BASIC, "2026-04-01", "3"),
				entry("e4", "ABSENT", PointsCategory.DEDUCTION, "2026-03-15", "-2"),
				entry("e5", "BONUS", PointsCategory.BONUS, "2026-03-15", "5.5"),
				entry("e0", "ATTEND", PointsCategory.BASIC, "2025-12-31", "3")));

	@Test
	void theBalanceOfAYearSplitsItsEntriesByCategory() {
		var balance = this.ledger.balance(2026);
		assertThat(balance)
			.isEqualTo(new Balance(2026, new BigDecimal("9"), new BigDecimal("5.5"), new BigDecimal("-2")));
		assertThat(balance.total()).isEqualTo("12.5");
		assertThat(this.ledger.balance(2025).total()).isEqualTo("3.0");
		assertThat(this.ledger.total()).isEqualTo("15.5");
	}

	@Test
	void capUsageCountsEachRuleCodeInTheDayMonthAndYearAroundADate() {
		var usage = this.ledger.capUsageOn(LocalDate.of(2026, 3, 15));
		assertThat(usage.of("ATTEND"))
			.isEqualTo(new PeriodTotals(new BigDecimal("3"), new BigDecimal("6"), new BigDecimal("9")));
		assertThat(usage.of("ABSENT")).as("deductions count by magnitude")
			.isEqualTo(new PeriodTotals(new BigDecimal("2"), new BigDecimal("2"), new BigDecimal("2")));
		assertThat(usage.of("UNUSED")).isEqualTo(PeriodTotals.NONE);
		assertThat(this.ledger.capUsageOn(LocalDate.of(2025, 12, 31)).of("ATTEND"))
			.isEqualTo(new PeriodTotals(new BigDecimal("3"), new BigDecimal("3"), new BigDecimal("3")));
	}

	@Test
	void compensationsReduceTheirRuleUsageAndSumPerEventAndRule() {
		var compensated = this.ledger
			.append(List.of(LedgerEntry.compensation(this.ledger.entries().getFirst(), new BigDecimal("-1"), "重算")));
		assertThat(compensated.capUsageOn(LocalDate.of(2026, 3, 1)).of("ATTEND").day()).isEqualTo("2.0");
		assertThat(compensated.pointsFor("e1", "ATTEND")).isEqualTo("2.0");
		assertThat(compensated.pointsFor("e1", "OTHER")).isEqualTo("0.0");
		assertThat(compensated.entries().getLast().kind()).isEqualTo(EntryKind.COMPENSATION);
		assertThat(this.ledger.entries()).hasSize(6);
	}

	@Test
	void anEntryKeepsTheYearOfItsLocalDate() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LedgerEntry(EntryKind.AWARD, "e", "m",
				EventType.ACTIVITY_ATTENDED, "R", "R@1", PointsCategory.BASIC, 2025, LocalDate.of(2026, 1, 1),
				Instant.EPOCH, BigDecimal.ONE, BigDecimal.ONE, null, "r"));
	}

	static LedgerEntry entry(String eventId, String code, PointsCategory category, String date, String points) {
		var localDate = LocalDate.parse(date);
		return new LedgerEntry(EntryKind.AWARD, eventId, "m1", EventType.ACTIVITY_ATTENDED, code, code + "@1", category,
				localDate.getYear(), localDate, BusinessCalendar.shanghai().startOf(localDate), new BigDecimal(points),
				new BigDecimal(points), null, "test");
	}

}
