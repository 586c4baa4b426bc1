package cn.partybuilding.points.core;

/** The kinds of things that happen to a member and may earn or cost points. */
public enum EventType {

	ACTIVITY_ATTENDED, ACTIVITY_ABSENT_WITHOUT_LEAVE, VOLUNTEER_HOURS_APPROVED, BASE_VISIT_COMPLETED, MANUAL_ADJUSTMENT,
	STUDY_COMPLETED, BONUS_CLAIM_APPROVED

}
