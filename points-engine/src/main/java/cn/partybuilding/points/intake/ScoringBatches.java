package cn.partybuilding.points.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.points.PointsSettings;
import cn.partybuilding.points.core.BusinessCalendar;
import cn.partybuilding.points.core.Scorer;
import cn.partybuilding.points.ledger.PointsLedger;
import cn.partybuilding.points.rules.PointsRules;

/**
 * Scores the queue batch by batch. A batch is one transaction: the events are claimed
 * ({@code SKIP LOCKED}), the locks of their members taken (in one shared order), and each
 * member's events scored in the order they were recorded, reading the member's cap usage
 * from the ledger in this transaction; then they are marked scored. The members with one
 * event in the batch are scored together (one read of their cap usage, one append), the
 * others event by event. A member's events that come after an event of theirs held by
 * another worker (older than all of them, or between them, since the claim skips what
 * others hold) are left for the next round, so one member's events are scored in order.
 * (Such a member's events stay at the head of the queue until the holder commits,
 * normally milliseconds; a member with more waiting events than a batch holds can delay
 * others' events that long.) A crash or a stop in the middle rolls the whole batch back,
 * so every event is scored exactly once. A batch that fails is retried one event at a
 * time, so that one bad event only delays itself: it is retried with backoff and set
 * aside after the last attempt.
 */
@Component
class ScoringBatches {

	private static final Logger logger = LoggerFactory.getLogger(ScoringBatches.class);

	private final EventQueueRepository queue;

	private final PointsRules rules;

	private final PointsLedger ledger;

	private final EventScorer scorer;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final PointsSettings settings;

	/**
	 * Called inside the batch's transaction after each event scored, with the number
	 * scored so far in the batch; lets a test interrupt scoring at a chosen point. Not
	 * set in production.
	 */
	volatile @Nullable IntFunction<Mono<Void>> afterEachEvent;

	ScoringBatches(EventQueueRepository queue, PointsRules rules, PointsLedger ledger, EventScorer scorer,
			TransactionalOperator transactions, Clock clock, PointsSettings settings) {
		this.queue = queue;
		this.rules = rules;
		this.ledger = ledger;
		this.scorer = scorer;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Scores the next batch of at most {@code limit} events; how many were scored (0 when
	 * there was nothing to do).
	 */
	Mono<Integer> scoreNextBatch(int limit) {
		return batch(limit, (claimed) -> {
		}).onErrorResume((ex) -> {
			logger.warn("Scoring a batch of points events failed ({}); scoring them one at a time",
					ex.getClass().getName());
			return oneByOne(limit);
		});
	}

	private Mono<Integer> oneByOne(int count) {
		return Flux.range(0, count)
			.concatMap((i) -> single())
			.takeUntil((scored) -> scored == 0)
			.reduce(0, Integer::sum);
	}

	private Mono<Integer> single() {
		AtomicReference<@Nullable PendingEvent> claimed = new AtomicReference<>();
		return batch(1, claimed::set).onErrorResume((ex) -> {
			PendingEvent event = claimed.get();
			return (event != null) ? recordFailure(event, ex).thenReturn(1) : Mono.error(ex);
		});
	}

	private Mono<Integer> batch(int limit, Consumer<PendingEvent> onClaim) {
		Instant now = this.clock.instant();
		return this.rules.book()
			.map((book) -> new Scorer(book, new BusinessCalendar(this.clock.getZone())))
			.flatMap((bookScorer) -> this.queue.claim(now, limit)
				.doOnNext(onClaim)
				.collectList()
				.flatMap((claimed) -> scoreClaimed(claimed, bookScorer, now)))
			.as(this.transactions::transactional);
	}

	private Mono<Integer> scoreClaimed(List<PendingEvent> claimed, Scorer scorer, Instant now) {
		if (claimed.isEmpty()) {
			return Mono.just(0);
		}
		// A row that cannot be read as an event counts as a failed attempt, in this
		// transaction, without stopping
		// the others.
		Mono<Void> unreadable = Flux.fromIterable(claimed)
			.filter((pending) -> pending.event() == null)
			.concatMap((pending) -> failure(pending, pending.readableProblem()))
			.then();
		// The claim is in queue order, so each member's events are in the order they were
		// recorded.
		Map<String, List<PendingEvent>> byMember = new LinkedHashMap<>();
		claimed.stream()
			.filter((pending) -> pending.event() != null)
			.forEach((pending) -> byMember.computeIfAbsent(pending.memberId(), (m) -> new ArrayList<>()).add(pending));
		Map<String, Long> lastSeqs = new LinkedHashMap<>();
		byMember.forEach((member, events) -> lastSeqs.put(member, events.get(events.size() - 1).seq()));
		List<Long> inHand = claimed.stream().map(PendingEvent::seq).toList();
		AtomicInteger scored = new AtomicInteger();
		return unreadable.then(this.ledger.lockMembers(byMember.keySet()))
			.then(lastSeqs.isEmpty() ? Mono.just(Map.<String, Long>of())
					: this.queue.firstHeldElsewhere(lastSeqs, inHand, now))
			.flatMap((heldElsewhere) -> {
				// A member's events after one of theirs that another worker holds (before
				// those in hand, or between
				// them: the claim skips what others hold) wait for the next round.
				List<List<PendingEvent>> readyMembers = byMember.entrySet()
					.stream()
					.map((member) -> before(member.getValue(), heldElsewhere.get(member.getKey())))
					.filter((events) -> !events.isEmpty())
					.toList();
				List<PendingEvent> ready = readyMembers.stream().flatMap(List::stream).toList();
				// A member with one event in hand (the usual case) is scored together
				// with the others in that case;
				// a member with several, event after event, each seeing the entries of
				// the one before.
				List<PendingEvent> alone = readyMembers.stream()
					.filter((events) -> events.size() == 1)
					.map((events) -> events.get(0))
					.toList();
				List<PendingEvent> inTurn = readyMembers.stream()
					.filter((events) -> events.size() > 1)
					.flatMap(List::stream)
					.toList();
				Mono<Void> together = alone.isEmpty() ? Mono.empty()
						: this.scorer.scoreAll(alone.stream().map(PendingEvent::readable).toList(), scorer, now)
							.then(Flux.fromIterable(alone)
								.concatMap((pending) -> Mono.defer(() -> afterEach(scored.incrementAndGet())))
								.then());
				return together
					.then(Flux.fromIterable(inTurn)
						.concatMap((pending) -> this.scorer.score(pending.readable(), scorer, now)
							.then(Mono.defer(() -> afterEach(scored.incrementAndGet()))))
						.then())
					.then(Mono.defer(() -> ready.isEmpty() ? Mono.empty()
							: this.queue.markScored(ready.stream().map(PendingEvent::seq).toList(), now)));
			})
			.then(Mono.fromSupplier(() -> scored.get() + (claimed.size() - countReadable(claimed))));
	}

	/**
	 * The events in hand (in queue order) that come before {@code heldElsewhere}; all of
	 * them without one.
	 */
	private static List<PendingEvent> before(List<PendingEvent> events, @Nullable Long heldElsewhere) {
		return (heldElsewhere != null) ? events.stream().takeWhile((pending) -> pending.seq() < heldElsewhere).toList()
				: events;
	}

	private static int countReadable(List<PendingEvent> claimed) {
		return (int) claimed.stream().filter((pending) -> pending.event() != null).count();
	}

	private Mono<Void> afterEach(int scoredSoFar) {
		IntFunction<Mono<Void>> hook = this.afterEachEvent;
		return (hook != null) ? hook.apply(scoredSoFar) : Mono.empty();
	}

	private Mono<Void> recordFailure(PendingEvent event, Throwable ex) {
		return failure(event, ex).as(this.transactions::transactional);
	}

	private Mono<Void> failure(PendingEvent event, Throwable ex) {
		int attempts = event.attempts() + 1;
		Instant now = this.clock.instant();
		boolean last = attempts >= this.settings.maxAttempts();
		// The event id names its source and the source's row, never a person; the error
		// is named by its class only.
		logger.warn("Scoring points event {} failed (attempt {} of {}{}): {}", event.eventId(), attempts,
				this.settings.maxAttempts(), last ? ", set aside" : "", ex.getClass().getName());
		return this.queue.recordFailure(event.seq(), attempts,
				now.plus(Backoff.after(attempts, this.settings.retryBackoff())), last ? now : null,
				ex.getClass().getName());
	}

}
