package cn.partybuilding.points.ranking;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.points.core.RankedMember;

/**
 * The top of an org subtree's leaderboard and, when the asking member is ranked there,
 * the member's own place. Ranks are competition ranks ("1224"): equal points share a
 * rank.
 *
 * @param year the points year
 * @param top the best members, best first (ties in member id order)
 * @param me the asking member's place; {@code null} when the member is not ranked in the
 * subtree
 */
public record Standings(int year, List<RankedMember> top, @Nullable RankedMember me) {

	public Standings {
		top = List.copyOf(top);
	}

}
