package cn.partybuilding.points.intake;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.points.core.PointsEvent;

/** The events already scored, as a recalculation replays them. */
@Service
public class RecordedEvents {

	private final ScoredEventRepository events;

	RecordedEvents(ScoredEventRepository events) {
		this.events = events;
	}

	/** The member's scored events that happened in {@code [from, to)}. */
	public Flux<PointsEvent> scoredOf(String memberId, Instant from, Instant to) {
		return this.events.scored(memberId, from, to);
	}

	/**
	 * Up to {@code limit} members with scored events in {@code [from, to)}, in id order,
	 * after {@code after}.
	 */
	public Flux<UUID> membersWithScoredEvents(Instant from, Instant to, @Nullable UUID after, int limit) {
		return this.events.membersScored(from, to, after, limit);
	}

	/** How many members have scored events in {@code [from, to)}. */
	public Mono<Long> countMembersWithScoredEvents(Instant from, Instant to) {
		return this.events.countMembersScored(from, to);
	}

}
