package cn.partybuilding.points.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.points.claims.ClaimStatus;
import cn.partybuilding.security.Caller;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * {@code /points/claims}: a member claims a bonus item with evidence; a secretary
 * approves or rejects it.
 */
@RestController
@RequestMapping("/api/v1")
class ClaimsController {

	private final Claims claims;

	ClaimsController(Claims claims) {
		this.claims = claims;
	}

	/**
	 * A pending claim of the caller's; the rule must be a bonus item that may be claimed
	 * for that date.
	 */
	@PostMapping("/points/claims")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiErrors({ ErrorCode.RULE_NOT_CLAIMABLE, ErrorCode.NOT_ON_ROSTER })
	Mono<ClaimView> submit(Caller caller, @Valid @RequestBody NewClaim body) {
		return this.claims.submit(caller, body);
	}

	/**
	 * Claims newest first: the caller's own, or for secretaries and admins (unless
	 * {@code mine=true}) those of the members of their subtrees.
	 */
	@GetMapping("/points/claims")
	Mono<Page<ClaimView>> list(Caller caller, @RequestParam(required = false) @Nullable ClaimStatus status,
			@RequestParam(defaultValue = "false") boolean mine, PageRequest page) {
		return this.claims.list(caller, status, mine, page);
	}

	@GetMapping("/points/claims/{id}")
	Mono<ClaimView> find(Caller caller, @PathVariable UUID id) {
		return this.claims.find(caller, id);
	}

	/**
	 * Approves a pending claim: the claimed rule's points are scored for the member, caps
	 * applied.
	 */
	@PostMapping("/points/claims/{id}/approve")
	@ApiErrors({ ErrorCode.ILLEGAL_STATE, ErrorCode.SELF_DECISION })
	Mono<ClaimView> approve(Caller caller, @PathVariable UUID id) {
		return this.claims.approve(caller, id);
	}

	@PostMapping("/points/claims/{id}/reject")
	@ApiErrors({ ErrorCode.ILLEGAL_STATE, ErrorCode.SELF_DECISION })
	Mono<ClaimView> reject(Caller caller, @PathVariable UUID id, @Valid @RequestBody Rejection body) {
		return this.claims.reject(caller, id, body.reason());
	}

	record NewClaim(@NotBlank @Size(max = 50) String ruleCode, @NotNull LocalDate occurredOn,
			@NotBlank @Size(max = 1000) String description, @Nullable @Size(
					max = 10) List<@NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+") String> evidenceUrls) {
	}

	record Rejection(@NotBlank @Size(max = 200) String reason) {
	}

}
