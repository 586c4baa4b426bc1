package cn.partybuilding.points.core;

/** How a rule turns an event into a requested amount of points. */
public enum AmountBasis {

	/** The rule's points, once per event. */
	PER_EVENT,

	/**
	 * The rule's points for each unit of the event's quantity (an hour, an item),
	 * truncated to one decimal.
	 */
	PER_UNIT,

	/**
	 * The explicit amount carried by the event (manual adjustments); the rule's points
	 * are zero.
	 */
	FROM_EVENT

}
