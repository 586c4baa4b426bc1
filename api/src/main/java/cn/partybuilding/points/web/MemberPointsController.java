package cn.partybuilding.points.web;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.security.Caller;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;

/**
 * {@code /me/points} and {@code /members/{id}/points/entries}: a member's points and the
 * entries behind them.
 */
@RestController
@RequestMapping("/api/v1")
class MemberPointsController {

	private final Statements statements;

	private final PointsYears years;

	MemberPointsController(Statements statements, PointsYears years) {
		this.statements = statements;
		this.years = years;
	}

	/**
	 * The caller's points of the year (the current business year by default) and rank in
	 * the branch.
	 */
	@GetMapping("/me/points")
	Mono<MyPoints> mine(Caller caller,
			@RequestParam(required = false) @Nullable @Min(PointsYears.FIRST) @Max(PointsYears.LAST) Integer year) {
		return this.statements.mine(caller, this.years.resolve(year));
	}

	/**
	 * The member's ledger entries of the year, newest first; they sum to the year's
	 * total.
	 */
	@GetMapping("/members/{id}/points/entries")
	Mono<Page<EntryView>> entries(Caller caller, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable @Min(PointsYears.FIRST) @Max(PointsYears.LAST) Integer year,
			PageRequest page) {
		return this.statements.entries(caller, id, this.years.resolve(year), page);
	}

}
