package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Grades members from their points: thresholds (inclusive) for excellent, qualified and
 * basically qualified, and the largest share of the members evaluated that may be
 * excellent (rounded down). When members tied at the cut line would exceed that share,
 * none of them is excellent.
 */
public record GradingScheme(BigDecimal excellentFrom, BigDecimal qualifiedFrom, BigDecimal basicFrom,
		BigDecimal maxExcellentShare) {

	/**
	 * Excellent from 90 points for at most a fifth of the members, qualified from 60,
	 * basically qualified from 40.
	 */
	public static final GradingScheme DEFAULT = new GradingScheme(new BigDecimal("90"), new BigDecimal("60"),
			new BigDecimal("40"), new BigDecimal("0.2"));

	/**
	 * @throws IllegalArgumentException if the thresholds are not descending or the share
	 * is outside 0..1
	 */
	public GradingScheme {
		if (excellentFrom.compareTo(qualifiedFrom) < 0 || qualifiedFrom.compareTo(basicFrom) < 0) {
			throw new IllegalArgumentException("Thresholds must not increase from excellent to basic");
		}
		if (maxExcellentShare.signum() < 0 || maxExcellentShare.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("The share of excellent must be between 0 and 1");
		}
	}

	/** Grades every member; the result is ordered by points, best first. */
	public List<GradedMember> grade(Collection<MemberPoints> members) {
		List<MemberPoints> sorted = members.stream().sorted(MemberPoints.STANDING).toList();
		int excellent = excellentCount(sorted);
		List<GradedMember> graded = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			MemberPoints member = sorted.get(i);
			Grade grade = (i < excellent) ? Grade.EXCELLENT : belowExcellent(member.points());
			graded.add(new GradedMember(member.memberId(), member.points(), grade));
		}
		return graded;
	}

	/**
	 * How many of the best members are excellent: whole tie groups above the threshold,
	 * within the share.
	 */
	private int excellentCount(List<MemberPoints> sorted) {
		int allowed = this.maxExcellentShare.multiply(BigDecimal.valueOf(sorted.size()))
			.setScale(0, RoundingMode.FLOOR)
			.intValueExact();
		int count = 0;
		for (int i = 0; i < allowed && i < sorted.size(); i++) {
			BigDecimal points = sorted.get(i).points();
			if (points.compareTo(this.excellentFrom) < 0) {
				break;
			}
			boolean endsTieGroup = i + 1 == sorted.size() || sorted.get(i + 1).points().compareTo(points) != 0;
			if (endsTieGroup) {
				count = i + 1;
			}
		}
		return count;
	}

	private Grade belowExcellent(BigDecimal points) {
		if (points.compareTo(this.qualifiedFrom) >= 0) {
			return Grade.QUALIFIED;
		}
		return (points.compareTo(this.basicFrom) >= 0) ? Grade.BASIC : Grade.UNQUALIFIED;
	}

}
