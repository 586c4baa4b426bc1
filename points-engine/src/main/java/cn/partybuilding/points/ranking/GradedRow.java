package cn.partybuilding.points.ranking;

import java.math.BigDecimal;
import java.util.UUID;

import cn.partybuilding.points.core.Grade;

/** A member's grade in a stored evaluation, with the points it was given for. */
public record GradedRow(UUID memberId, String name, BigDecimal points, Grade grade) {
}
