package cn.partybuilding.points.core;

/**
 * Why a ledger entry exists: the scoring of an event, or a correction appended by a
 * recalculation.
 */
public enum EntryKind {

	AWARD, COMPENSATION

}
