/**
 * The pure scoring core of 党员积分制管理: rules, caps, periods, scoring decisions, ledger sums,
 * ranking, grades and star ratings.
 */
@NullMarked
package cn.partybuilding.points.core;

import org.jspecify.annotations.NullMarked;
