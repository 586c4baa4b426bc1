package cn.partybuilding.points.core;

import java.util.List;

/**
 * Rates branches: each figure becomes a degree of fulfilment (a rate as it is, volunteer
 * hours and average points against their targets, at most 1), the weighted mean of those
 * times 100 is the score, and each of the four ascending {@code starCuts} the score
 * reaches adds a star to the first. A branch is weak with at most one star or with an
 * attendance rate below {@code weakAttendanceBelow}.
 */
public record StarScheme(double attendanceWeight, double minutesWeight, double volunteerWeight, double pointsWeight,
		double volunteerHoursTarget, double averagePointsTarget, List<Double> starCuts, double weakAttendanceBelow) {

	/**
	 * Attendance weighs 35 %, minutes on time 25 %, volunteer hours (target 8 per member)
	 * and average points (target 80) 20 % each; 2 to 5 stars from scores 40, 60, 75 and
	 * 90; weak below 50 % attendance.
	 */
	public static final StarScheme DEFAULT = new StarScheme(0.35, 0.25, 0.2, 0.2, 8, 80,
			List.of(40.0, 60.0, 75.0, 90.0), 0.5);

	/**
	 * @throws IllegalArgumentException if weights are negative or all zero, targets not
	 * positive, or cuts wrong
	 */
	public StarScheme {
		starCuts = List.copyOf(starCuts);
		if (attendanceWeight < 0 || minutesWeight < 0 || volunteerWeight < 0 || pointsWeight < 0
				|| attendanceWeight + minutesWeight + volunteerWeight + pointsWeight <= 0) {
			throw new IllegalArgumentException("Weights must not be negative and must not all be zero");
		}
		if (!(volunteerHoursTarget > 0 && averagePointsTarget > 0)) {
			throw new IllegalArgumentException("Targets must be positive");
		}
		if (starCuts.size() != 4 || !starCuts.equals(starCuts.stream().sorted().toList())) {
			throw new IllegalArgumentException("Four ascending score cuts are needed for 2 to 5 stars: " + starCuts);
		}
	}

	/** Rates one branch. */
	public StarRating rate(BranchFigures figures) {
		double weighted = this.attendanceWeight * figures.attendanceRate()
				+ this.minutesWeight * figures.minutesOnTimeRate()
				+ this.volunteerWeight * fulfilment(figures.volunteerHoursPerMember(), this.volunteerHoursTarget)
				+ this.pointsWeight * fulfilment(figures.averagePoints(), this.averagePointsTarget);
		double totalWeight = this.attendanceWeight + this.minutesWeight + this.volunteerWeight + this.pointsWeight;
		// One decimal, so a score shown to the secretary is the score the stars were
		// given for.
		double score = Math.round(weighted / totalWeight * 1000) / 10.0;
		int stars = 1 + (int) this.starCuts.stream().filter((cut) -> score >= cut).count();
		boolean weak = stars <= 1 || figures.attendanceRate() < this.weakAttendanceBelow;
		return new StarRating(figures, score, stars, weak);
	}

	private static double fulfilment(double figure, double target) {
		return Math.min(1, figure / target);
	}

}
