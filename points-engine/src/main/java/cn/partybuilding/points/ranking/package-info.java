/** Members compared: leaderboards of an org subtree and 民主评议 grades from points. */
@NullMarked
package cn.partybuilding.points.ranking;

import org.jspecify.annotations.NullMarked;
