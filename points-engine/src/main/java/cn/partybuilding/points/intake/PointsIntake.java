package cn.partybuilding.points.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.points.core.BusinessCalendar;
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.core.Scorer;
import cn.partybuilding.points.ledger.PointsLedger;
import cn.partybuilding.points.ledger.RecordedEntry;
import cn.partybuilding.points.rules.PointsRules;

/**
 * Where other features hand over the things members did that may earn or cost points: a
 * check-in, an absence without leave, approved volunteer hours, a completed base visit, a
 * finished study item.
 *
 * <p>
 * Call {@link #record} <em>inside your own transaction</em>, together with the change the
 * event stems from (the check-in row, the approval): it is a plain statement on the same
 * connection, so the event is stored if and only if your change commits (an outbox).
 * Scoring happens afterwards, normally within a second, on any instance whose workers
 * run: the rules in force on the event's business date, caps included, decide the
 * entries.
 *
 * <p>
 * Events are idempotent by their id: recording an event with an id that is stored already
 * changes nothing, so a retried request or a job that runs twice never scores twice. Ids
 * follow {@code <source>:<id>} (for example {@code checkin:0193...} with the check-in's
 * id, {@code volunteer-signup:<id>}, {@code absence:<activityId>:<memberId>}), built with
 * {@link #eventId}. Build events with the factories of {@link PointsEvent}: <pre>{@code
 * intake.record(PointsEvent.of(PointsIntake.eventId("checkin", checkIn.id()), memberId.toString(),
 *         EventType.ACTIVITY_ATTENDED, checkedInAt, Map.of(PointsEvent.ACTIVITY_TYPE, "THEME_DAY")));
 * intake.record(PointsEvent.measured(PointsIntake.eventId("volunteer-signup", signup.id()), memberId.toString(),
 *         EventType.VOLUNTEER_HOURS_APPROVED, approvedAt, hours));
 * }</pre> The member id is the member's UUID as text; {@code occurredAt} fixes the rules
 * and cap periods that apply.
 */
@Service
public class PointsIntake {

	private final EventInsertRepository events;

	private final EventQueueRepository queue;

	private final PointsLedger ledger;

	private final PointsRules rules;

	private final EventScorer scorer;

	private final TransactionalOperator transactions;

	private final Clock clock;

	PointsIntake(EventInsertRepository events, EventQueueRepository queue, PointsLedger ledger, PointsRules rules,
			EventScorer scorer, TransactionalOperator transactions, Clock clock) {
		this.events = events;
		this.queue = queue;
		this.ledger = ledger;
		this.rules = rules;
		this.scorer = scorer;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The id of an event from {@code source} (a short lowercase word) about the source's
	 * row {@code id}.
	 */
	public static String eventId(String source, Object id) {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(id, "id");
		return source + ":" + id;
	}

	/**
	 * Stores the event in the caller's transaction (if there is one) for scoring after
	 * the commit; nothing happens when an event with its id is stored already.
	 */
	public Mono<Void> record(PointsEvent event) {
		return this.events.insert(event, this.clock.instant()).then();
	}

	/**
	 * As {@link #record}, for many events in one statement: a feature that writes many
	 * changes in one transaction records their events together (one whose changes are a
	 * single insert can use {@link #recordAlong}, and needs no transaction).
	 */
	public Mono<Void> recordAll(List<PointsEvent> events) {
		return this.events.insertAll(events, this.clock.instant()).then();
	}

	/**
	 * Runs the caller's insert and records the events of the rows it inserted, in one
	 * statement: the change and its events are stored together or not at all, without a
	 * transaction around them. That is one round trip to the database where a transaction
	 * takes four, for the hottest write of the app (a meeting's check-ins). An event is
	 * recorded if, and only if, the insert returned its key; and, as always, unless its
	 * id is stored already.
	 * @param insert the caller's {@code INSERT … RETURNING key}
	 * @param eventsByKey the event of each row the insert may insert, by the key it
	 * returns for that row
	 * @return the keys the insert returned: the rows it inserted
	 */
	public Flux<String> recordAlong(ReturningKeys insert, Map<String, PointsEvent> eventsByKey) {
		return this.events.insertAlong(insert, eventsByKey, this.clock.instant());
	}

	/**
	 * Records the event and scores it at once, in the caller's transaction and under the
	 * member's lock, exactly as the workers would: for decisions whose answer is the
	 * entry, such as a secretary's manual adjustment. It is scored ahead of the member's
	 * events still waiting in the queue (adjustments carry their own amount). An event
	 * scored before answers with its entries as they are.
	 * @return the entries the event gave; none when no rule in force applies to it
	 */
	public Mono<List<RecordedEntry>> recordAndScore(PointsEvent event) {
		Instant now = this.clock.instant();
		return this.events.insert(event, now)
			.then(this.ledger.lockMember(event.memberId()))
			.then(this.queue.claim(event.eventId()))
			.flatMap((pending) -> this.rules.book()
				.map((book) -> new Scorer(book, new BusinessCalendar(this.clock.getZone())))
				.flatMap((scorer) -> this.scorer.score(pending.readable(), scorer, now))
				.flatMap((entries) -> this.queue.markScored(List.of(pending.seq()), now).thenReturn(entries)))
			.switchIfEmpty(Mono.defer(() -> this.ledger.entriesOfEvent(event.eventId()).collectList()))
			.as(this.transactions::transactional);
	}

}
