package cn.partybuilding.points.ranking;

import org.jspecify.annotations.Nullable;

/**
 * A member's place in their branch.
 *
 * @param rank competition rank (1 = most points; equal points share a rank); {@code null}
 * when the member is not ranked (left)
 * @param branchSize members ranked in the branch
 */
public record BranchStanding(@Nullable Integer rank, int branchSize) {
}
