package cn.partybuilding.points.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.points.core.CapUsage;
import cn.partybuilding.points.core.LedgerEntry;
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.core.RuleVersion;
import cn.partybuilding.points.core.Scorer;
import cn.partybuilding.points.ledger.MemberDay;
import cn.partybuilding.points.ledger.PointsLedger;
import cn.partybuilding.points.ledger.RecordedEntry;

/**
 * Scores events into the ledger: the members' cap usage read in this transaction, the
 * core's decision, the entries appended with the balances. The caller holds the members'
 * locks.
 */
@Component
class EventScorer {

	private final PointsLedger ledger;

	EventScorer(PointsLedger ledger) {
		this.ledger = ledger;
	}

	Mono<List<RecordedEntry>> score(PointsEvent event, Scorer scorer, Instant now) {
		var date = scorer.calendar().dateOf(event.occurredAt());
		return this.ledger.capUsage(event.memberId(), date, scorer.rulesFor(event))
			.map((usage) -> scorer.score(event, usage))
			.flatMap((scoring) -> this.ledger.append(scoring.entries(), null, now));
	}

	/**
	 * Scores events of distinct members together: their cap usage read in one query,
	 * their entries appended in one statement. Each event is decided exactly as
	 * {@link #score} would.
	 * @throws IllegalArgumentException if two events are of the same member (the second
	 * must see the first's entries)
	 */
	Mono<Void> scoreAll(List<PointsEvent> events, Scorer scorer, Instant now) {
		if (events.stream().map(PointsEvent::memberId).distinct().count() != events.size()) {
			return Mono.error(new IllegalArgumentException("Events scored together must be of distinct members"));
		}
		List<MemberDay> days = new ArrayList<>();
		Set<RuleVersion> rules = new LinkedHashSet<>();
		for (PointsEvent event : events) {
			days.add(new MemberDay(event.memberId(), scorer.calendar().dateOf(event.occurredAt())));
			rules.addAll(scorer.rulesFor(event));
		}
		return this.ledger.capUsages(days, rules).flatMap((usages) -> {
			List<LedgerEntry> entries = new ArrayList<>();
			for (int i = 0; i < events.size(); i++) {
				entries.addAll(scorer.score(events.get(i), usages.getOrDefault(days.get(i), CapUsage.NONE)).entries());
			}
			return this.ledger.appendAwards(entries, now);
		}).then();
	}

}
