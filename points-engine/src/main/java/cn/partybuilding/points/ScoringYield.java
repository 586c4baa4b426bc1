package cn.partybuilding.points;

/**
 * Tells the scoring workers that people are waiting for the database right now, so that
 * scoring, which nobody waits for, gives way. An application declares one as a bean where
 * it knows (members' check-ins queueing for a write, for instance); while any says so,
 * each worker scores at most one batch per {@code party.points.busy-batch-interval}, and
 * at full speed again once none does. Points then appear later during a rush, never lost:
 * the events wait in their table.
 */
@FunctionalInterface
public interface ScoringYield {

	/** Whether work that people wait for is queueing for the database at this moment. */
	boolean othersWaiting();

}
