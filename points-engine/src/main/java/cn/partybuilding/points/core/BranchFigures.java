package cn.partybuilding.points.core;

import java.util.Objects;

/**
 * The measured work of a branch in a year: meeting attendance rate and share of minutes
 * signed off on time (both 0..1), approved volunteer hours per member and average member
 * points.
 */
public record BranchFigures(String branchId, double attendanceRate, double minutesOnTimeRate,
		double volunteerHoursPerMember, double averagePoints) {

	/**
	 * @throws IllegalArgumentException if a rate is outside 0..1 or a figure is negative
	 * or not finite
	 */
	public BranchFigures {
		Objects.requireNonNull(branchId, "branchId");
		requireBetween(attendanceRate, 1, "attendanceRate");
		requireBetween(minutesOnTimeRate, 1, "minutesOnTimeRate");
		requireBetween(volunteerHoursPerMember, Double.MAX_VALUE, "volunteerHoursPerMember");
		requireBetween(averagePoints, Double.MAX_VALUE, "averagePoints");
	}

	private static void requireBetween(double figure, double max, String name) {
		if (!(figure >= 0 && figure <= max)) {
			throw new IllegalArgumentException(name + " must be between 0 and " + max + ": " + figure);
		}
	}

}
