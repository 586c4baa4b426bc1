package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.partybuilding.points.core.AmountBasis;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsCategory;
import cn.partybuilding.points.core.RuleViolation;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RulesTests {

	@Test
	void theBasisDefaultsToTheEventsAmountForManualAdjustmentsAndToPerEventOtherwise() {
		assertThat(form(EventType.MANUAL_ADJUSTMENT, null).toVersion("id").basis()).isEqualTo(AmountBasis.FROM_EVENT);
		assertThat(form(EventType.BASE_VISIT_COMPLETED, null).toVersion("id").basis()).isEqualTo(AmountBasis.PER_EVENT);
		assertThat(form(EventType.STUDY_COMPLETED, AmountBasis.PER_UNIT).toVersion("id").basis())
			.isEqualTo(AmountBasis.PER_UNIT);
	}

	@Test
	void malformedFieldsAreRefusedBeforeConflicts() {
		var refusal = Rules.refusal(List.of(new RuleViolation.InvalidField("points", "must be positive"),
				new RuleViolation.OverlapsVersion("X@2020-01-01", LocalDate.of(2020, 1, 1), null),
				new RuleViolation.InvalidField("points", "again")));
		assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
		assertThat(refusal.violations()).extracting(Violation::field, Violation::messageKey)
			.containsExactly(tuple("points", "pointsRule.points"));
	}

	@Test
	void conflictsWithOtherVersionsAreNamed() {
		assertThat(Rules
			.refusal(List.of(new RuleViolation.OverlapsVersion("X@2020-01-01", LocalDate.of(2020, 1, 1), null)))
			.code()).isEqualTo(ErrorCode.RULE_VERSIONS_OVERLAP);
		assertThat(
				Rules.refusal(List.of(new RuleViolation.ChangesCategory("X@2020-01-01", PointsCategory.BONUS))).code())
			.isEqualTo(ErrorCode.RULE_CATEGORY_CHANGED);
	}

	private static RuleForm form(EventType type, AmountBasis basis) {
		return new RuleForm("X", " 名称 ", PointsCategory.BASIC, type, BigDecimal.ONE, basis, null, null, null, null,
				LocalDate.of(2026, 1, 1), null);
	}

}
