/**
 * 党员积分制管理 over HTTP: the rule book, members' points and statements, adjustments, bonus
 * claims, leaderboards, 民主评议 and recalculations, mapped onto the points engine.
 */
@NullMarked
package cn.partybuilding.points.web;

import org.jspecify.annotations.NullMarked;
