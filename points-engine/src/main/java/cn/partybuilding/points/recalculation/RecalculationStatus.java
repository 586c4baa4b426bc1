package cn.partybuilding.points.recalculation;

/** Where a recalculation stands. */
public enum RecalculationStatus {

	RUNNING, DONE, FAILED

}
