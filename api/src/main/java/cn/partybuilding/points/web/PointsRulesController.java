package cn.partybuilding.points.web;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.security.Caller;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * {@code /points/rules}: the rule book, readable by everyone, changed version by version
 * by the district's administrators (the system administrator, org admins of a top-level
 * committee), each change audited.
 */
@RestController
@RequestMapping("/api/v1")
class PointsRulesController {

	private final Rules rules;

	PointsRulesController(Rules rules) {
		this.rules = rules;
	}

	/**
	 * Every version, or with {@code at} only those in force on that date; by code, then
	 * start date.
	 */
	@GetMapping("/points/rules")
	Mono<Page<RuleView>> list(Caller caller,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate at,
			PageRequest page) {
		return this.rules.list(at, page);
	}

	/**
	 * A new rule, or a new version of a rule (its dates must not overlap the other
	 * versions').
	 */
	@PostMapping("/points/rules")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiErrors({ ErrorCode.RULE_VERSIONS_OVERLAP, ErrorCode.RULE_CATEGORY_CHANGED, ErrorCode.DISTRICT_ADMIN_REQUIRED })
	Mono<RuleView> add(Caller caller, @Valid @RequestBody RuleForm form) {
		return this.rules.add(caller, form);
	}

	/**
	 * Changes a version; it counts for events from its {@code effectiveFrom} on as they
	 * are scored. Entries scored before stay as they are unless a recalculation is asked
	 * for.
	 */
	@PutMapping("/points/rules/{id}")
	@ApiErrors({ ErrorCode.RULE_VERSIONS_OVERLAP, ErrorCode.RULE_CATEGORY_CHANGED, ErrorCode.DISTRICT_ADMIN_REQUIRED })
	Mono<RuleView> replace(Caller caller, @PathVariable @Size(max = 64) String id, @Valid @RequestBody RuleForm form) {
		return this.rules.replace(caller, id, form);
	}

}
