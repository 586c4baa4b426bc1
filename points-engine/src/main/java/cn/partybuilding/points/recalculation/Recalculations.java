package cn.partybuilding.points.recalculation;

import java.time.Clock;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.points.core.BusinessCalendar;
import cn.partybuilding.points.intake.RecordedEvents;
import cn.partybuilding.points.roster.PointsRoster;

/**
 * Asks for recalculations and shows their progress. A recalculation replays the year's
 * scored events of every member (of an org subtree, or with events that year) under the
 * rules now in force and appends the differences as compensating entries: nothing is
 * edited or deleted, and running it again finds nothing more to compensate. It runs in
 * the background on an instance with workers enabled and survives the death of that
 * instance.
 */
@Service
public class Recalculations {

	private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

	private final RecalculationRepository jobs;

	private final PointsRoster roster;

	private final RecordedEvents events;

	private final Clock clock;

	Recalculations(RecalculationRepository jobs, PointsRoster roster, RecordedEvents events, Clock clock) {
		this.jobs = jobs;
		this.roster = roster;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts recalculating the year, for the org's subtree or (org {@code null}) for
	 * everyone.
	 */
	public Mono<RecalculationJob> start(int year, @Nullable UUID orgId, UUID requestedBy) {
		BusinessCalendar calendar = new BusinessCalendar(this.clock.getZone());
		Mono<Long> total = (orgId != null) ? this.roster.countUnder(orgId)
				: this.events.countMembersWithScoredEvents(calendar.startOfYear(year), calendar.startOfYear(year + 1));
		return total.flatMap((members) -> this.jobs.insert(IDS.generate(), year, orgId, members.intValue(), requestedBy,
				this.clock.instant()));
	}

	/** The job, if it exists. */
	public Mono<RecalculationJob> find(UUID id) {
		return this.jobs.find(id);
	}

}
