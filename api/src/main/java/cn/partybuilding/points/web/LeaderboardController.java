package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.util.List;
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

import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.points.core.RankedMember;
import cn.partybuilding.points.ranking.Leaderboards;
import cn.partybuilding.security.Caller;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * {@code /orgs/{id}/leaderboard}: the members of the org's whole subtree by points of the
 * year (members without points included); equal points share a rank ("1224"). {@code me}
 * is the caller's place when ranked there.
 */
@RestController
@RequestMapping("/api/v1")
class LeaderboardController {

	private final Leaderboards leaderboards;

	private final AccessPolicy access;

	private final PointsYears years;

	LeaderboardController(Leaderboards leaderboards, AccessPolicy access, PointsYears years) {
		this.leaderboards = leaderboards;
		this.access = access;
		this.years = years;
	}

	@GetMapping("/orgs/{id}/leaderboard")
	Mono<Board> leaderboard(Caller caller, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable @Min(PointsYears.FIRST) @Max(PointsYears.LAST) Integer year,
			@RequestParam(required = false) @Nullable @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit) {
		int resolvedYear = this.years.resolve(year);
		int resolvedLimit = (limit != null) ? limit : PageRequest.DEFAULT_LIMIT;
		if (resolvedLimit < 1 || resolvedLimit > PageRequest.MAX_LIMIT) {
			throw DomainException.invalid(Violation.of("limit", "limit", PageRequest.MAX_LIMIT));
		}
		return this.access.requireVisible(caller, id)
			.flatMap((org) -> this.leaderboards.standings(org.id(), resolvedYear, resolvedLimit, caller.id()))
			.map((standings) -> new Board(standings.year(), standings.top().stream().map(Place::of).toList(),
					(standings.me() != null) ? new Me(standings.me().rank(), standings.me().points()) : null));
	}

	record Board(int year, List<Place> items, @Nullable Me me) {
	}

	record Place(int rank, String memberId, String name, BigDecimal points) {

		static Place of(RankedMember member) {
			return new Place(member.rank(), member.memberId(), member.name(), member.points());
		}

	}

	record Me(int rank, BigDecimal points) {
	}

}
