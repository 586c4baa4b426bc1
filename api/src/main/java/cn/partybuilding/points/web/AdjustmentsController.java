package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.security.Caller;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * {@code /points/adjustments}: a secretary adds or deducts points by hand, with a reason;
 * the answer is the entry.
 */
@RestController
@RequestMapping("/api/v1")
class AdjustmentsController {

	private final Adjustments adjustments;

	AdjustmentsController(Adjustments adjustments) {
		this.adjustments = adjustments;
	}

	@PostMapping("/points/adjustments")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiErrors({ ErrorCode.NO_RULE_IN_FORCE, ErrorCode.SELF_DECISION })
	Mono<EntryView> adjust(Caller caller, @Valid @RequestBody Adjustment body) {
		if (body.points().signum() == 0) {
			throw DomainException.invalid(Violation.of("points", "points.notZero"));
		}
		return this.adjustments.adjust(caller, body.memberId(), body.points(), body.reason());
	}

	/** Positive points are a bonus, negative ones a deduction. */
	record Adjustment(@NotNull UUID memberId,
			@NotNull @DecimalMin("-1000") @DecimalMax("1000") @Digits(integer = 4, fraction = 1) BigDecimal points,
			@NotBlank @Size(max = 200) String reason) {
	}

}
