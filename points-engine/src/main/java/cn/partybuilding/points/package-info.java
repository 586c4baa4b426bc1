/**
 * 党员积分制管理: the points engine, a pure scoring core with its ledger persistence and event
 * intake.
 */
@NullMarked
package cn.partybuilding.points;

import org.jspecify.annotations.NullMarked;
