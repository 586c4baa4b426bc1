package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.security.Caller;
import cn.partybuilding.web.paging.PageRequest;

/**
 * {@code /orgs/{id}/evaluation}: 民主评议 grades of every member of the org's subtree from
 * their points of the year, with configurable thresholds and largest share of excellent.
 */
@RestController
@RequestMapping("/api/v1")
class EvaluationController {

	private final OrgEvaluations evaluations;

	private final PointsYears years;

	EvaluationController(OrgEvaluations evaluations, PointsYears years) {
		this.evaluations = evaluations;
		this.years = years;
	}

	/**
	 * Computes and stores the grades (again: the new grades replace the old); the body
	 * may override the scheme.
	 */
	@PostMapping("/orgs/{id}/evaluation")
	Mono<EvaluationView> evaluate(Caller caller, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable @Min(PointsYears.FIRST) @Max(PointsYears.LAST) Integer year,
			@Valid @RequestBody(required = false) @Nullable SchemeForm scheme) {
		return this.evaluations.evaluate(caller, id, this.years.resolve(year), scheme);
	}

	/**
	 * The stored grades, most points first, with the scheme used; 404 before the first
	 * evaluation.
	 */
	@GetMapping("/orgs/{id}/evaluation")
	Mono<EvaluationView.Graded> find(Caller caller, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable @Min(PointsYears.FIRST) @Max(PointsYears.LAST) Integer year,
			PageRequest page) {
		return this.evaluations.find(caller, id, this.years.resolve(year), page);
	}

	/**
	 * Thresholds (points, inclusive) and the largest share (0 to 1) of excellent; missing
	 * ones take the defaults.
	 */
	record SchemeForm(
			@Nullable @DecimalMin("0") @DecimalMax(RuleForm.MAX_POINTS) @Digits(integer = 6,
					fraction = 1) BigDecimal excellentFrom,
			@Nullable @DecimalMin("0") @DecimalMax(RuleForm.MAX_POINTS) @Digits(integer = 6,
					fraction = 1) BigDecimal qualifiedFrom,
			@Nullable @DecimalMin("0") @DecimalMax(RuleForm.MAX_POINTS) @Digits(integer = 6,
					fraction = 1) BigDecimal basicFrom,
			@Nullable @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1,
					fraction = 3) BigDecimal maxExcellentShare) {
	}

}
