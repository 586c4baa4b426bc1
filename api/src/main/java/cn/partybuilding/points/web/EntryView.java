package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.points.core.CapPeriod;
import cn.partybuilding.points.core.EntryKind;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsCategory;

/**
 * A line of a member's points statement: the rule ({@code ruleCode},
 * {@code ruleVersionId}) and the event ({@code sourceId}) it stems from, the signed
 * points, the amount asked for before caps and the cap that cut it. {@code kind} is
 * {@code AWARD} for scoring and {@code COMPENSATION} for a correction by a recalculation.
 */
record EntryView(String id, OffsetDateTime occurredAt, EventType eventType, String ruleCode, String ruleVersionId,
		PointsCategory category, BigDecimal points, BigDecimal requested, @Nullable CapPeriod cappedBy, String reason,
		String sourceId, EntryKind kind, OffsetDateTime recordedAt) {
}
