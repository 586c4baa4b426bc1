package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.partybuilding.points.core.LedgerEntry.EventRule;

/**
 * Replays a member's year under the rules now in force and compensates the differences:
 * after appending the compensations, the sum per (event, rule code) equals the replay.
 * Nothing is edited or deleted, and a second run finds nothing to compensate. Manual
 * adjustments are human decisions: their entries are carried over as they are.
 */
public record Recalculation(Scorer scorer) {

	/** The order events are replayed in: by time, then by id. */
	public static final Comparator<PointsEvent> REPLAY_ORDER = Comparator.comparing(PointsEvent::occurredAt)
		.thenComparing(PointsEvent::eventId);

	private static final Comparator<LedgerEntry> COMPENSATION_ORDER = Comparator.comparing(LedgerEntry::occurredAt)
		.thenComparing(LedgerEntry::eventId)
		.thenComparing(LedgerEntry::ruleCode);

	/**
	 * The ledger a replay from scratch yields, given the member's existing entries (for
	 * manual adjustments).
	 */
	public Ledger replay(Collection<LedgerEntry> existing, Collection<PointsEvent> events) {
		Map<String, List<LedgerEntry>> existingByEvent = new HashMap<>();
		existing.forEach((e) -> existingByEvent.computeIfAbsent(e.eventId(), (id) -> new ArrayList<>()).add(e));
		Ledger ledger = Ledger.empty();
		for (PointsEvent event : events.stream().sorted(REPLAY_ORDER).toList()) {
			List<LedgerEntry> carried = existingByEvent.getOrDefault(event.eventId(), List.of());
			if (event.type() == EventType.MANUAL_ADJUSTMENT && !carried.isEmpty()) {
				ledger = ledger.append(carried);
			}
			else {
				var date = this.scorer.calendar().dateOf(event.occurredAt());
				ledger = ledger.append(this.scorer.score(event, ledger.capUsageOn(date)).entries());
			}
		}
		return ledger;
	}

	/**
	 * The compensating entries to append, ordered by event time, event id and rule code.
	 */
	public List<LedgerEntry> compensations(Collection<LedgerEntry> existing, Collection<PointsEvent> events,
			String reason) {
		Map<EventRule, BigDecimal> before = new Ledger(List.copyOf(existing)).sumsByEventAndRule();
		Ledger fresh = replay(existing, events);
		Map<EventRule, BigDecimal> after = fresh.sumsByEventAndRule();
		// The latest entry of a key describes it best: the fresh one when the rule still
		// applies.
		Map<EventRule, LedgerEntry> templates = new HashMap<>();
		existing.forEach((e) -> templates.put(e.eventRule(), e));
		fresh.entries().forEach((e) -> templates.put(e.eventRule(), e));
		List<LedgerEntry> compensations = new ArrayList<>();
		templates.forEach((key, template) -> {
			BigDecimal difference = after.getOrDefault(key, Points.ZERO)
				.subtract(before.getOrDefault(key, Points.ZERO));
			if (difference.signum() != 0) {
				compensations.add(LedgerEntry.compensation(template, difference, reason));
			}
		});
		compensations.sort(COMPENSATION_ORDER);
		return List.copyOf(compensations);
	}

}
