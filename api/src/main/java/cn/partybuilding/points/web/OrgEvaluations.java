package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.points.PointsSettings;
import cn.partybuilding.points.core.GradingScheme;
import cn.partybuilding.points.ranking.Evaluation;
import cn.partybuilding.points.ranking.Evaluations;
import cn.partybuilding.points.ranking.GradePosition;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * 民主评议 of an org subtree, by the org's administrators; the scheme defaults to the
 * configured one.
 */
@Service
class OrgEvaluations {

	private final Evaluations evaluations;

	private final AccessPolicy access;

	private final PointsSettings settings;

	private final PointsYears years;

	OrgEvaluations(Evaluations evaluations, AccessPolicy access, PointsSettings settings, PointsYears years) {
		this.evaluations = evaluations;
		this.access = access;
		this.settings = settings;
		this.years = years;
	}

	Mono<EvaluationView> evaluate(Caller caller, UUID orgId, int year, EvaluationController.@Nullable SchemeForm form) {
		GradingScheme scheme = scheme(form);
		return this.access.require(caller, orgId, Role.ORG_ADMIN)
			.flatMap((org) -> this.evaluations.evaluate(org.id(), year, scheme, caller.id()))
			.map(this::view);
	}

	Mono<EvaluationView.Graded> find(Caller caller, UUID orgId, int year, PageRequest page) {
		GradePosition after = page.isFirst() ? null
				: new GradePosition(new BigDecimal(page.after(0)), UUID.fromString(page.after(1)));
		return this.access.require(caller, orgId, Role.ORG_ADMIN)
			.flatMap((org) -> this.evaluations.find(org.id(), year))
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((evaluation) -> this.evaluations.grades(evaluation.id(), after, page.fetchSize())
				.map((rows) -> page.page(rows,
						(row) -> List.of(row.points().toPlainString(), row.memberId().toString())))
				.map((grades) -> new EvaluationView.Graded(view(evaluation),
						grades.items()
							.stream()
							.map((row) -> new EvaluationView.GradeView(row.memberId().toString(), row.name(),
									row.points(), row.grade()))
							.toList(),
						grades.nextCursor())));
	}

	private GradingScheme scheme(EvaluationController.@Nullable SchemeForm form) {
		GradingScheme defaults = this.settings.grading().scheme();
		if (form == null) {
			return defaults;
		}
		BigDecimal excellent = (form.excellentFrom() != null) ? form.excellentFrom() : defaults.excellentFrom();
		BigDecimal qualified = (form.qualifiedFrom() != null) ? form.qualifiedFrom() : defaults.qualifiedFrom();
		BigDecimal basic = (form.basicFrom() != null) ? form.basicFrom() : defaults.basicFrom();
		BigDecimal share = (form.maxExcellentShare() != null) ? form.maxExcellentShare() : defaults.maxExcellentShare();
		if (excellent.compareTo(qualified) < 0 || qualified.compareTo(basic) < 0) {
			throw DomainException.invalid(Violation.of("thresholds", "points.thresholds"));
		}
		return new GradingScheme(excellent, qualified, basic, share);
	}

	private EvaluationView view(Evaluation evaluation) {
		return new EvaluationView(evaluation.orgId().toString(), evaluation.year(),
				this.years.local(evaluation.evaluatedAt()), EvaluationView.Scheme.of(evaluation.scheme()),
				evaluation.members(), evaluation.counts());
	}

}
