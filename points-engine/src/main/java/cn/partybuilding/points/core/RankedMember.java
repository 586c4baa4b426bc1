package cn.partybuilding.points.core;

import java.math.BigDecimal;

/** A member's place on a leaderboard; members with equal points share a rank. */
public record RankedMember(int rank, String memberId, String name, BigDecimal points) {
}
