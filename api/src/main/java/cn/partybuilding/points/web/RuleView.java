package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.points.core.AmountBasis;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsCategory;
import cn.partybuilding.points.core.RuleVersion;

/**
 * A version of a points rule as clients see it: {@code points} per event or per unit
 * (hour, item) as {@code basis} says; the category gives the sign; {@code match}
 * restricts it to events with these details (e.g. {@code activityType}).
 */
record RuleView(String id, String code, String name, PointsCategory category, EventType eventType, BigDecimal points,
		AmountBasis basis, Map<String, String> match, @Nullable BigDecimal capPerDay, @Nullable BigDecimal capPerMonth,
		@Nullable BigDecimal capPerYear, LocalDate effectiveFrom, @Nullable LocalDate effectiveTo) {

	static RuleView of(RuleVersion rule) {
		return new RuleView(rule.id(), rule.code(), rule.name(), rule.category(), rule.eventType(), rule.points(),
				rule.basis(), rule.match(), rule.caps().perDay(), rule.caps().perMonth(), rule.caps().perYear(),
				rule.effectiveFrom(), rule.effectiveTo());
	}

}
