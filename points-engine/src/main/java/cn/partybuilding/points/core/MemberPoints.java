package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;

/** A member's points total of a year, as ranked and graded. */
public record MemberPoints(String memberId, String name, BigDecimal points) {

	/**
	 * Most points first; ties in a fixed order by member id, so every listing shows them
	 * alike.
	 */
	static final Comparator<MemberPoints> STANDING = Comparator.comparing(MemberPoints::points)
		.reversed()
		.thenComparing(MemberPoints::memberId);

	public MemberPoints {
		Objects.requireNonNull(memberId, "memberId");
		Objects.requireNonNull(name, "name");
		points = Points.of(points);
	}

}
