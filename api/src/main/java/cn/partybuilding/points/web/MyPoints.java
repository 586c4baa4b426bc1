package cn.partybuilding.points.web;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A member's points of a year: the total and its parts ({@code deduction} is negative or
 * zero), and the member's competition rank in their branch ({@code null} when not ranked
 * there).
 */
record MyPoints(int year, BigDecimal total, BigDecimal basic, BigDecimal bonus, BigDecimal deduction,
		@Nullable Integer rankInBranch, int branchSize) {
}
