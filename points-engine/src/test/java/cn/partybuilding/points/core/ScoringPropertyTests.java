package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import static cn.partybuilding.points.core.PointsArbitraries.CALENDAR;
import static org.assertj.core.api.Assertions.assertThat;

class ScoringPropertyTests {

	@Property(tries = 300)
	void theLedgerAlwaysSumsToTheBalance(@ForAll("books") RuleBook book, @ForAll("events") List<PointsEvent> events) {
		var scorer = new Scorer(book, CALENDAR);
		var ledger = Ledger.empty();
		// The service keeps one balance row per year and adds each scoring's entries to
		// it.
		Map<Integer, BigDecimal[]> rows = new HashMap<>();
		for (PointsEvent event : inTimeOrder(events)) {
			var entries = scorer.score(event, ledger.capUsageOn(CALENDAR.dateOf(event.occurredAt()))).entries();
			ledger = ledger.append(entries);
			for (LedgerEntry entry : entries) {
				var row = rows.computeIfAbsent(entry.year(),
						(y) -> new BigDecimal[] { Points.ZERO, Points.ZERO, Points.ZERO });
				row[entry.category().ordinal()] = row[entry.category().ordinal()].add(entry.points());
			}
		}
		var sumOfEntries = ledger.entries().stream().map(LedgerEntry::points).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(ledger.total()).isEqualByComparingTo(sumOfEntries);
		var sumOfYears = BigDecimal.ZERO;
		for (var row : rows.entrySet()) {
			var balance = ledger.balance(row.getKey());
			assertThat(List.of(balance.basic(), balance.bonus(), balance.deduction()))
				.usingElementComparator(BigDecimal::compareTo)
				.containsExactly(row.getValue());
			assertThat(balance.total())
				.isEqualByComparingTo(row.getValue()[0].add(row.getValue()[1]).add(row.getValue()[2]));
			assertThat(balance.deduction().signum()).isLessThanOrEqualTo(0);
			sumOfYears = sumOfYears.add(balance.total());
		}
		assertThat(sumOfYears).isEqualByComparingTo(sumOfEntries);
	}

	@Property(tries = 300)
	void noCapIsEverExceeded(@ForAll("books") RuleBook book, @ForAll("events") List<PointsEvent> events) {
		var scorer = new Scorer(book, CALENDAR);
		var ledger = Ledger.empty();
		var cutBy = EnumSet.noneOf(CapPeriod.class);
		for (PointsEvent event : inTimeOrder(events)) {
			var date = CALENDAR.dateOf(event.occurredAt());
			var entries = scorer.score(event, ledger.capUsageOn(date)).entries();
			ledger = ledger.append(entries);
			var usage = ledger.capUsageOn(date);
			for (LedgerEntry entry : entries) {
				var rule = book.version(entry.ruleVersionId()).orElseThrow();
				var awarded = entry.magnitude();
				var requested = entry.category().flip(entry.requested());
				assertThat(awarded).isBetween(Points.ZERO, requested);
				assertThat(entry.cappedBy() == null).isEqualTo(awarded.compareTo(requested) == 0);
				if (entry.cappedBy() != null) {
					cutBy.add(entry.cappedBy());
				}
				if (awarded.signum() > 0) {
					for (CapPeriod period : CapPeriod.values()) {
						rule.caps()
							.limit(period)
							.ifPresent((cap) -> assertThat(usage.of(entry.ruleCode()).in(period))
								.as("%s %s usage on %s", entry.ruleCode(), period, date)
								.isLessThanOrEqualTo(cap));
					}
				}
			}
		}
		// Without caps actually cutting, this property would prove nothing.
		for (CapPeriod period : CapPeriod.values()) {
			Statistics.label("cut by " + period)
				.collect(cutBy.contains(period))
				.coverage((coverage) -> coverage.check(true).percentage((p) -> p >= 10));
		}
	}

	@Property(tries = 200)
	void scoringTheSameEventsAgainFromScratchYieldsTheSameLedger(@ForAll("books") RuleBook book,
			@ForAll("events") List<PointsEvent> events, @ForAll long seed) {
		var scorer = new Scorer(book, CALENDAR);
		var first = scoreOneByOne(scorer, inTimeOrder(events));
		var second = scoreOneByOne(scorer, inTimeOrder(events));
		assertThat(second).isEqualTo(first);
		var shuffled = new ArrayList<>(events);
		Collections.shuffle(shuffled, new Random(seed));
		var recalculation = new Recalculation(scorer);
		assertThat(recalculation.replay(List.of(), shuffled)).isEqualTo(first);
		assertThat(recalculation.compensations(first.entries(), shuffled, "重算")).isEmpty();
	}

	@Provide
	Arbitrary<RuleBook> books() {
		return PointsArbitraries.categories().flatMap(PointsArbitraries::ruleBook);
	}

	@Provide
	Arbitrary<List<PointsEvent>> events() {
		return PointsArbitraries.events(true);
	}

	static List<PointsEvent> inTimeOrder(List<PointsEvent> events) {
		return events.stream().sorted(Recalculation.REPLAY_ORDER).toList();
	}

	static Ledger scoreOneByOne(Scorer scorer, List<PointsEvent> events) {
		var ledger = Ledger.empty();
		for (PointsEvent event : events) {
			var usage = ledger.capUsageOn(CALENDAR.dateOf(event.occurredAt()));
			ledger = ledger.append(scorer.score(event, usage).entries());
		}
		return ledger;
	}

}
