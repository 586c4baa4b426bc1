package cn.partybuilding.points.intake;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.core.Scorer;
import cn.partybuilding.points.ledger.PointsLedger;
import cn.partybuilding.points.ledger.RecordedEntry;

/**
 * Scores one event into the ledger: the member's cap usage read in this transaction, the core's decision, the
 * entries appended with the balance. The caller holds the member's lock.
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

}
