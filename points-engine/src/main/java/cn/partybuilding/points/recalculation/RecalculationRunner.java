package cn.partybuilding.points.recalculation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.points.BackgroundLoop;
import cn.partybuilding.points.PointsSettings;
import cn.partybuilding.points.core.BusinessCalendar;
import cn.partybuilding.points.intake.RecordedEvents;
import cn.partybuilding.points.recalculation.MemberReplay.TakenOver;
import cn.partybuilding.points.recalculation.RecalculationRepository.ClaimedJob;
import cn.partybuilding.points.roster.PointsRoster;

/**
 * Runs recalculations on instances with workers enabled: claims a job nobody runs (a new
 * one, or one whose runner went silent: its instance died) and replays its members in id
 * order from where it stood, one transaction per member.
 */
@Component
class RecalculationRunner extends BackgroundLoop {

	private static final Logger logger = LoggerFactory.getLogger(RecalculationRunner.class);

	private static final int PAGE = 100;

	private final RecalculationRepository jobs;

	private final MemberReplay replay;

	private final PointsRoster roster;

	private final RecordedEvents events;

	private final PointsSettings settings;

	private final Clock clock;

	RecalculationRunner(RecalculationRepository jobs, MemberReplay replay, PointsRoster roster, RecordedEvents events,
			PointsSettings settings, Clock clock) {
		this.jobs = jobs;
		this.replay = replay;
		this.roster = roster;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	protected boolean runsHere() {
		return this.settings.workersEnabled();
	}

	@Override
	protected Disposable subscribe() {
		return Mono.defer(this::runNext)
			.flatMap((ran) -> ran ? Mono.<Void>empty() : Mono.delay(this.settings.recalculationPoll()).then())
			.onErrorResume((ex) -> {
				logger.warn("Recalculations could not run ({}); trying again shortly", ex.getClass().getName());
				return Mono.delay(this.settings.recalculationPoll()).then();
			})
			.repeat()
			.subscribe();
	}

	/** Claims and runs one job; whether there was one. */
	Mono<Boolean> runNext() {
		Instant now = this.clock.instant();
		return this.jobs.claim(UUID.randomUUID(), now, now.minus(this.settings.recalculationStaleAfter()))
			.flatMap((job) -> run(job).thenReturn(true))
			.defaultIfEmpty(false);
	}

	private Mono<Void> run(ClaimedJob job) {
		AtomicReference<@Nullable UUID> cursor = new AtomicReference<>(job.cursor());
		return Mono.defer(() -> members(job, cursor.get()))
			.flatMap((page) -> Flux.fromIterable(page)
				.concatMap((member) -> this.replay.replay(job, member))
				.then(Mono.fromRunnable(() -> {
					if (!page.isEmpty()) {
						cursor.set(page.get(page.size() - 1));
					}
				}))
				.thenReturn(page))
			.repeat()
			.takeUntil(List::isEmpty)
			.then(Mono.defer(() -> this.jobs.finish(job, RecalculationStatus.DONE, this.clock.instant())))
			.onErrorResume(TakenOver.class, (ex) -> Mono.empty())
			.onErrorResume((ex) -> {
				logger.warn("Recalculation {} failed: {}", job.id(), ex.getClass().getName());
				return this.jobs.finish(job, RecalculationStatus.FAILED, this.clock.instant());
			});
	}

	private Mono<List<UUID>> members(ClaimedJob job, @Nullable UUID after) {
		if (job.orgId() != null) {
			return this.roster.membersUnder(job.orgId(), after, PAGE).collectList();
		}
		BusinessCalendar calendar = new BusinessCalendar(this.clock.getZone());
		return this.events
			.membersWithScoredEvents(calendar.startOfYear(job.year()), calendar.startOfYear(job.year() + 1), after,
					PAGE)
			.collectList();
	}

}
