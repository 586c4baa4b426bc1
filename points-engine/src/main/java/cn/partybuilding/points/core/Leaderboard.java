package cn.partybuilding.points.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Members ordered by points with standard competition ranks ("1224"): equal points share
 * a rank and the next rank skips as many places as members shared it.
 */
public final class Leaderboard {

	private final List<RankedMember> ranked;

	private final Map<String, RankedMember> byMember;

	private Leaderboard(List<RankedMember> ranked) {
		this.ranked = List.copyOf(ranked);
		this.byMember = ranked.stream()
			.collect(Collectors.toUnmodifiableMap(RankedMember::memberId, Function.identity()));
	}

	/**
	 * @throws IllegalArgumentException if a member appears twice
	 */
	public static Leaderboard of(Collection<MemberPoints> members) {
		List<MemberPoints> sorted = members.stream().sorted(MemberPoints.STANDING).toList();
		List<RankedMember> ranked = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			MemberPoints member = sorted.get(i);
			boolean tied = i > 0 && sorted.get(i - 1).points().compareTo(member.points()) == 0;
			int rank = tied ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new RankedMember(rank, member.memberId(), member.name(), member.points()));
		}
		return new Leaderboard(ranked);
	}

	/** Everyone, best first. */
	public List<RankedMember> ranked() {
		return this.ranked;
	}

	/**
	 * The first {@code limit} places of the display order (a tie may be split at the
	 * end).
	 */
	public List<RankedMember> top(int limit) {
		return this.ranked.subList(0, Math.min(Math.max(limit, 0), this.ranked.size()));
	}

	/** The member's place, if the member is on the board. */
	public Optional<RankedMember> rankOf(String memberId) {
		return Optional.ofNullable(this.byMember.get(memberId));
	}

	/** How many members are ranked. */
	public int size() {
		return this.ranked.size();
	}

}
