package cn.partybuilding.points.core;

import java.math.BigDecimal;

/** A member's grade and the points it was given for. */
public record GradedMember(String memberId, BigDecimal points, Grade grade) {
}
