package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import cn.partybuilding.points.core.LedgerEntry.EventRule;

import static cn.partybuilding.points.core.PointsArbitraries.CALENDAR;
import static org.assertj.core.api.Assertions.assertThat;

class RecalculationPropertyTests {

	@Property(tries = 300)
	void recalculationAfterARuleChangeConvergesToAFreshReplay(@ForAll("changes") Change change) {
		// Events reached the scorer in arrival order, not necessarily in time order.
		var existing = ScoringPropertyTests.scoreOneByOne(new Scorer(change.before(), CALENDAR), change.arrivals())
			.entries();
		var recalculation = new Recalculation(new Scorer(change.after(), CALENDAR));

		var compensations = recalculation.compensations(existing, change.arrivals(), "规则调整");
		var ledger = new Ledger(existing).append(compensations);

		assertThat(compensations).allSatisfy((entry) -> {
			assertThat(entry.kind()).isEqualTo(EntryKind.COMPENSATION);
			assertThat(entry.points().signum()).isNotZero();
		});
		var fresh = recalculation.replay(existing, change.arrivals());
		var freshInTimeOrder = ScoringPropertyTests.scoreOneByOne(new Scorer(change.after(), CALENDAR),
				ScoringPropertyTests.inTimeOrder(change.arrivals()));
		var keys = new HashSet<EventRule>();
		ledger.entries().forEach((e) -> keys.add(e.eventRule()));
		fresh.entries().forEach((e) -> keys.add(e.eventRule()));
		for (EventRule key : keys) {
			BigDecimal sum = ledger.pointsFor(key.eventId(), key.ruleCode());
			assertThat(sum).as("%s", key).isEqualByComparingTo(fresh.pointsFor(key.eventId(), key.ruleCode()));
			if (!key.ruleCode().startsWith("MANUAL_")) {
				// Manual adjustments are carried over; everything else is exactly a
				// replay in time order.
				assertThat(sum).as("%s", key)
					.isEqualByComparingTo(freshInTimeOrder.pointsFor(key.eventId(), key.ruleCode()));
			}
		}
		assertThat(ledger.balance(2026)).isEqualTo(fresh.balance(2026));
		assertThat(recalculation.compensations(ledger.entries(), change.arrivals(), "再次重算")).isEmpty();
		Statistics.label("compensated")
			.collect(!compensations.isEmpty())
			.coverage((coverage) -> coverage.check(true).percentage((p) -> p >= 30));
		Statistics.label("compensated a rule that no longer applies")
			.collect(compensations.stream().anyMatch((c) -> fresh.pointsFor(c.eventId(), c.ruleCode()).signum() == 0))
			.coverage((coverage) -> coverage.check(true).percentage((p) -> p >= 10));
	}

	@Provide
	Arbitrary<Change> changes() {
		return PointsArbitraries.categories()
			.flatMap((categories) -> Combinators
				.combine(PointsArbitraries.ruleBook(categories), PointsArbitraries.ruleBook(categories),
						PointsArbitraries.events(false), seeds())
				.as((before, after, events, seed) -> {
					var arrivals = new ArrayList<>(events);
					Collections.shuffle(arrivals, new Random(seed));
					return new Change(before, after, List.copyOf(arrivals));
				}));
	}

	private static Arbitrary<Long> seeds() {
		return Arbitraries.longs();
	}

	/**
	 * Rules before and after a change, and one year's events in the order they arrived.
	 */
	record Change(RuleBook before, RuleBook after, List<PointsEvent> arrivals) {
	}

}
