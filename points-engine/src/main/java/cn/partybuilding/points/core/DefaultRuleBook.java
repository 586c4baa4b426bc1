package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import static cn.partybuilding.points.core.AmountBasis.FROM_EVENT;
import static cn.partybuilding.points.core.AmountBasis.PER_EVENT;
import static cn.partybuilding.points.core.AmountBasis.PER_UNIT;
import static cn.partybuilding.points.core.PointsCategory.BASIC;
import static cn.partybuilding.points.core.PointsCategory.BONUS;
import static cn.partybuilding.points.core.PointsCategory.DEDUCTION;

/**
 * The rules a new installation starts with, modelled on published 党员积分制管理 schemes: 三会一课 3
 * points a session up to 12 a year, 主题党日 and 组织生活 2 up to 8, deductions for absence
 * without leave, volunteer hours, base visits, 学习强国-style study with a daily cap, manual
 * adjustments and bonus claims. Version ids are {@code CODE@effectiveFrom}.
 */
public final class DefaultRuleBook {

	private DefaultRuleBook() {
	}

	/** The default rule versions, all in force from {@code effectiveFrom} without end. */
	public static List<RuleVersion> versions(LocalDate effectiveFrom) {
		Rows rows = new Rows(effectiveFrom);
		return List.of(rows.attendance("ATTEND_BRANCH_ASSEMBLY", "参加支部党员大会", "BRANCH_ASSEMBLY", "3", "12"),
				rows.attendance("ATTEND_COMMITTEE_MEETING", "参加支委会", "COMMITTEE_MEETING", "3", "12"),
				rows.attendance("ATTEND_GROUP_MEETING", "参加党小组会", "GROUP_MEETING", "3", "12"),
				rows.attendance("ATTEND_PARTY_LECTURE", "参加党课", "PARTY_LECTURE", "3", "12"),
				rows.attendance("ATTEND_THEME_DAY", "参加主题党日", "THEME_DAY", "2", "8"),
				rows.attendance("ATTEND_ORG_LIFE", "参加组织生活", "ORG_LIFE", "2", "8"),
				rows.rule("ABSENT_WITHOUT_LEAVE", "无故缺席组织活动", DEDUCTION, EventType.ACTIVITY_ABSENT_WITHOUT_LEAVE, "2",
						PER_EVENT, null, "20"),
				rows.rule("VOLUNTEER_SERVICE", "志愿服务（每小时）", BASIC, EventType.VOLUNTEER_HOURS_APPROVED, "1", PER_UNIT,
						null, "20"),
				rows.rule("BASE_VISIT", "参加开放式组织生活基地活动", BASIC, EventType.BASE_VISIT_COMPLETED, "2", PER_EVENT, null,
						"8"),
				rows.rule("STUDY", "学习（每项）", BASIC, EventType.STUDY_COMPLETED, "1", PER_UNIT, "2", "30"),
				rows.rule("MANUAL_BONUS", "手动加分", BONUS, EventType.MANUAL_ADJUSTMENT, "0", FROM_EVENT, null, null),
				rows.rule("MANUAL_DEDUCTION", "手动扣分", DEDUCTION, EventType.MANUAL_ADJUSTMENT, "0", FROM_EVENT, null,
						null),
				rows.rule("COMMENDATION", "受到表彰", BONUS, EventType.BONUS_CLAIM_APPROVED, "5", PER_EVENT, null, "10"),
				rows.rule("ADVANCED_MODEL", "评为先进典型", BONUS, EventType.BONUS_CLAIM_APPROVED, "10", PER_EVENT, null,
						"10"));
	}

	/** The default rule book. */
	public static RuleBook of(LocalDate effectiveFrom) {
		return RuleBook.of(versions(effectiveFrom));
	}

	private record Rows(LocalDate from) {

		RuleVersion attendance(String code, String name, String activityType, String points, String capPerYear) {
			return row(code, name, BASIC, EventType.ACTIVITY_ATTENDED, points, PER_EVENT,
					Map.of(PointsEvent.ACTIVITY_TYPE, activityType), null, capPerYear);
		}

		RuleVersion rule(String code, String name, PointsCategory category, EventType eventType, String points,
				AmountBasis basis, @Nullable String capPerDay, @Nullable String capPerYear) {
			return row(code, name, category, eventType, points, basis, Map.of(), capPerDay, capPerYear);
		}

		private RuleVersion row(String code, String name, PointsCategory category, EventType eventType, String points,
				AmountBasis basis, Map<String, String> match, @Nullable String capPerDay, @Nullable String capPerYear) {
			Caps caps = new Caps(amount(capPerDay), null, amount(capPerYear));
			return new RuleVersion(code + "@" + this.from, code, name, category, eventType, new BigDecimal(points),
					basis, match, caps, this.from, null);
		}

		private static @Nullable BigDecimal amount(@Nullable String value) {
			return (value != null) ? new BigDecimal(value) : null;
		}

	}

}
