package cn.partybuilding.attendance;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import cn.partybuilding.activity.Activity;
import cn.partybuilding.points.ScoringYield;
import cn.partybuilding.system.GroupCommit;

/**
 * Stores check-ins with their points events, many to a statement when many members check
 * in at once (a meeting starting: a thousand phones within a second). Each check-in and
 * its event commit together or not at all, as one check-in alone would; a member's second
 * check-in, in the same batch or a later one, stores nothing.
 * <p>
 * While check-ins queue for a write (a batch of more than one was written within the last
 * {@link #RUSH}), the points engine's scoring gives way ({@link ScoringYield}): members
 * are waiting for their answer, nobody waits for the points.
 */
@Component
class CheckInWriter implements ScoringYield {

	/** How long after check-ins last queued for a write scoring keeps giving way. */
	static final Duration RUSH = Duration.ofSeconds(1);

	/**
	 * Enough to carry a whole meeting's rush in a few statements; small enough to keep
	 * each one short.
	 */
	private static final int MAX_BATCH = 128;

	/**
	 * Batches written at the same time: while they are, the next check-ins gather. A
	 * write is one statement, a round trip of a millisecond or two, so two keep the
	 * database busy; more made the batches smaller and cost CPU per check-in (four, when
	 * a write was a transaction of four round trips).
	 */
	private static final int MAX_IN_FLIGHT = 2;

	/**
	 * Buckets of {@code party.checkins.write}: a check-in's answer is due within 50 ms.
	 */
	private static final Duration[] WRITE_SLOS = { Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
			Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100) };

	private final AttendanceEvents events;

	private final GroupCommit<NewCheckIn, Boolean> commits;

	/**
	 * Check-ins per write: how much the grouping saves, for operators and the load test.
	 */
	private final DistributionSummary batchSizes;

	/**
	 * How long a write takes, round trip and commit: what every check-in of its batch
	 * waits for at least.
	 */
	private final Timer writeTimes;

	/**
	 * When check-ins last queued for a write (monotonic nanoseconds); long ago at first.
	 */
	private volatile long lastQueued = System.nanoTime() - RUSH.toNanos();

	CheckInWriter(AttendanceEvents events, MeterRegistry meters) {
		this.events = events;
		this.batchSizes = DistributionSummary.builder("party.checkins.batch.size")
			.description("Check-ins written in one statement")
			.baseUnit("check-ins")
			.register(meters);
		this.writeTimes = Timer.builder("party.checkins.write")
			.description("Time to write one batch of check-ins with their points events")
			.serviceLevelObjectives(WRITE_SLOS)
			.register(meters);
		this.commits = new GroupCommit<>(this::write, MAX_BATCH, MAX_IN_FLIGHT, CheckInWriter::aboutTheItems);
	}

	/**
	 * Stores the check-in and its points event: {@code true} if this call stored it,
	 * {@code false} if it was skipped (the member had checked in to the activity already,
	 * the device checked in someone else, or the member is no longer active).
	 */
	Mono<Boolean> store(Activity activity, CheckIn checkIn, byte @Nullable [] deviceHash, @Nullable UUID recordedBy,
			@Nullable String reason) {
		return this.commits.submit(new NewCheckIn(activity, checkIn, deviceHash, recordedBy, reason));
	}

	@Override
	public boolean othersWaiting() {
		return System.nanoTime() - this.lastQueued < RUSH.toNanos();
	}

	private Mono<List<Boolean>> write(List<NewCheckIn> batch) {
		this.batchSizes.record(batch.size());
		if (batch.size() > 1) {
			this.lastQueued = System.nanoTime();
		}
		// One statement stores the check-ins and the points events of those it stored:
		// atomic on its own, so no
		// transaction around it and one round trip to the database for the whole batch.
		long started = System.nanoTime();
		return this.events.attendedAlong(CheckInRepository.insertion(batch), batch)
			.collect(Collectors.toSet())
			.map((stored) -> stored(batch, stored))
			.doOnTerminate(() -> this.writeTimes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
	}

	private static List<Boolean> stored(List<NewCheckIn> batch, Set<UUID> stored) {
		return batch.stream().map((entry) -> stored.contains(entry.checkIn().id())).toList();
	}

	/**
	 * A batch that failed for one of its check-ins is worth writing again one by one; one
	 * that failed to reach the database is not.
	 */
	private static boolean aboutTheItems(Throwable ex) {
		return !(ex instanceof CannotCreateTransactionException || ex instanceof DataAccessResourceFailureException
				|| ex instanceof TransientDataAccessResourceException);
	}

	/**
	 * A check-in to store.
	 *
	 * @param deviceHash the keyed hash of the device it came from; none when recorded by
	 * hand
	 * @param recordedBy the secretary who recorded it by hand
	 * @param reason why by hand
	 */
	record NewCheckIn(Activity activity, CheckIn checkIn, byte @Nullable [] deviceHash, @Nullable UUID recordedBy,
			@Nullable String reason) {
	}

}
