package cn.partybuilding.points.ranking;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.points.core.Leaderboard;
import cn.partybuilding.points.core.MemberPoints;
import cn.partybuilding.points.core.RankedMember;
import cn.partybuilding.points.ranking.BoardRepository.Place;
import cn.partybuilding.points.roster.PointsRoster;
import cn.partybuilding.points.roster.RosterNames;

/**
 * Leaderboards of org subtrees and members' places in their branch, including members
 * without points.
 */
@Service
public class Leaderboards {

	private final BoardRepository board;

	private final PointsRoster roster;

	private final RosterNames names;

	Leaderboards(BoardRepository board, PointsRoster roster, RosterNames names) {
		this.board = board;
		this.roster = roster;
		this.names = names;
	}

	/**
	 * The best {@code limit} members of the org's whole subtree for the year, and the
	 * place of {@code me}.
	 */
	public Mono<Standings> standings(UUID orgId, int year, int limit, @Nullable UUID me) {
		return this.board.top(orgId, year, limit, me).collectList().flatMap((places) -> {
			List<UUID> ids = places.stream().map(Place::memberId).distinct().toList();
			return this.names.namesOf(ids).map((names) -> standings(year, places, names));
		});
	}

	/** The member's rank in their branch; empty when the member is not on the roster. */
	public Mono<BranchStanding> inBranch(UUID memberId, int year) {
		return this.roster.find(memberId).flatMap((member) -> this.board.inBranch(memberId, member.branchId(), year));
	}

	/**
	 * Ranks of the top come from the top itself (everyone with more points is in it); the
	 * asking member's rank is one more than the members with more points.
	 */
	private static Standings standings(int year, List<Place> places, Map<UUID, String> names) {
		List<MemberPoints> top = places.stream()
			.filter((place) -> !place.me())
			.map((place) -> new MemberPoints(place.memberId().toString(), names.getOrDefault(place.memberId(), ""),
					place.points()))
			.toList();
		RankedMember me = places.stream()
			.filter(Place::me)
			.findFirst()
			.map((place) -> new RankedMember((int) place.above() + 1, place.memberId().toString(),
					names.getOrDefault(place.memberId(), ""), place.points()))
			.orElse(null);
		return new Standings(year, Leaderboard.of(top).ranked(), me);
	}

}
