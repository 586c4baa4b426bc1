package cn.partybuilding.points.recalculation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.points.core.BusinessCalendar;
import cn.partybuilding.points.core.Recalculation;
import cn.partybuilding.points.core.Scorer;
import cn.partybuilding.points.intake.RecordedEvents;
import cn.partybuilding.points.ledger.PointsLedger;
import cn.partybuilding.points.recalculation.RecalculationRepository.ClaimedJob;
import cn.partybuilding.points.rules.PointsRules;

/**
 * Recalculates one member's year in one transaction, under the member's lock (so no event
 * of the member is scored meanwhile): the scored events of the year replayed by the core
 * under the rules now in force, the differences to the ledger appended as compensations
 * of this job, the job's progress saved with them.
 */
@Component
class MemberReplay {

	/** The reason the member reads on a compensating entry. */
	static final String REASON = "积分重算";

	private final PointsLedger ledger;

	private final RecordedEvents events;

	private final PointsRules rules;

	private final RecalculationRepository jobs;

	private final TransactionalOperator transactions;

	private final Clock clock;

	MemberReplay(PointsLedger ledger, RecordedEvents events, PointsRules rules, RecalculationRepository jobs,
			TransactionalOperator transactions, Clock clock) {
		this.ledger = ledger;
		this.events = events;
		this.rules = rules;
		this.jobs = jobs;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Replays the member; fails with {@link TakenOver} when another runner took the job
	 * meanwhile.
	 */
	Mono<Integer> replay(ClaimedJob job, UUID member) {
		BusinessCalendar calendar = new BusinessCalendar(this.clock.getZone());
		Instant from = calendar.startOfYear(job.year());
		Instant to = calendar.startOfYear(job.year() + 1);
		String memberId = member.toString();
		return this.ledger.lockMember(memberId)
			.then(this.rules.book())
			.flatMap((book) -> Mono
				.zip(this.events.scoredOf(memberId, from, to).collectList(),
						this.ledger.entriesOf(memberId, job.year()).collectList())
				.map((loaded) -> new Recalculation(new Scorer(book, calendar)).compensations(loaded.getT2(),
						loaded.getT1(), REASON)))
			.flatMap((compensations) -> this.ledger.append(compensations, job.id(), this.clock.instant()))
			.flatMap((appended) -> this.jobs.progress(job, member, appended.size(), this.clock.instant())
				.flatMap((mine) -> mine ? Mono.just(appended.size()) : Mono.error(new TakenOver())))
			.as(this.transactions::transactional);
	}

	/**
	 * The job was claimed by another runner (this one was presumed dead): stop without
	 * writing.
	 */
	static final class TakenOver extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TakenOver() {
			super("The recalculation was taken over by another runner", null, false, false);
		}

	}

}
