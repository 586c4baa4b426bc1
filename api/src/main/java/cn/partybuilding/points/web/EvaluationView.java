package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import cn.partybuilding.points.core.Grade;
import cn.partybuilding.points.core.GradingScheme;

/** A stored 民主评议: the scheme used and how many members got each grade. */
record EvaluationView(String orgId, int year, OffsetDateTime evaluatedAt, Scheme scheme, int members,
		Map<Grade, Integer> counts) {

	record Scheme(BigDecimal excellentFrom, BigDecimal qualifiedFrom, BigDecimal basicFrom,
			BigDecimal maxExcellentShare) {

		static Scheme of(GradingScheme scheme) {
			return new Scheme(scheme.excellentFrom(), scheme.qualifiedFrom(), scheme.basicFrom(),
					scheme.maxExcellentShare());
		}

	}

	/** A page of the grades, most points first, with the evaluation they belong to. */
	record Graded(String orgId, int year, OffsetDateTime evaluatedAt, Scheme scheme, int members,
			Map<Grade, Integer> counts, List<GradeView> items,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String nextCursor) {

		Graded(EvaluationView evaluation, List<GradeView> items, @Nullable String nextCursor) {
			this(evaluation.orgId(), evaluation.year(), evaluation.evaluatedAt(), evaluation.scheme(),
					evaluation.members(), evaluation.counts(), items, nextCursor);
		}

	}

	record GradeView(String memberId, String name, BigDecimal points, Grade grade) {
	}

}
