package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GradingSchemeTests {

	@Test
	void pointsAboveEachThresholdGiveItsGrade() {
		var grades = grades(GradingScheme.DEFAULT, "95", "90", "89.9", "60", "59.9", "40", "39.9", "10", "10", "-5");
		assertThat(grades).containsExactly(Grade.EXCELLENT, Grade.EXCELLENT, Grade.QUALIFIED, Grade.QUALIFIED,
				Grade.BASIC, Grade.BASIC, Grade.UNQUALIFIED, Grade.UNQUALIFIED, Grade.UNQUALIFIED, Grade.UNQUALIFIED);
	}

	@Test
	void onlyTheShareOfMembersRoundedDownMayBeExcellent() {
		// 14 members: 0.2 * 14 = 2.8, so at most 2 are excellent although 4 reach the
		// threshold.
		var grades = grades(GradingScheme.DEFAULT, "99", "98", "97", "96", "50", "50", "50", "50", "50", "50", "50",
				"50", "50", "50");
		assertThat(grades.subList(0, 4)).containsExactly(Grade.EXCELLENT, Grade.EXCELLENT, Grade.QUALIFIED,
				Grade.QUALIFIED);
		assertThat(grades.subList(4, 14)).containsOnly(Grade.BASIC);
	}

	@Test
	void aTieAtTheCutLineThatWouldExceedTheShareGetsQualifiedAllTogether() {
		// 10 members allow 2 excellent; the two tied at 95 after the leader would make 3.
		var graded = GradingScheme.DEFAULT.grade(
				List.of(member("a", "99"), member("c", "95"), member("b", "95"), member("d", "92"), member("e", "70"),
						member("f", "70"), member("g", "70"), member("h", "70"), member("i", "70"), member("j", "70")));
		Map<String, Grade> byMember = graded.stream()
			.collect(Collectors.toMap(GradedMember::memberId, GradedMember::grade));
		assertThat(byMember).containsEntry("a", Grade.EXCELLENT)
			.containsEntry("b", Grade.QUALIFIED)
			.containsEntry("c", Grade.QUALIFIED)
			.containsEntry("d", Grade.QUALIFIED);
		assertThat(graded).extracting(GradedMember::memberId).startsWith("a", "b", "c", "d");
	}

	@Test
	void aTieThatFitsTheShareIsExcellentTogether() {
		var grades = grades(GradingScheme.DEFAULT, "95", "95", "91", "70", "70", "70", "70", "70", "70", "70");
		assertThat(grades.subList(0, 3)).containsExactly(Grade.EXCELLENT, Grade.EXCELLENT, Grade.QUALIFIED);
	}

	@Test
	void aLeadingTieLargerThanTheShareLeavesNobodyExcellent() {
		var grades = grades(GradingScheme.DEFAULT, "95", "95", "95", "70", "70", "70", "70", "70", "70", "70");
		assertThat(grades).doesNotContain(Grade.EXCELLENT);
		assertThat(grades(GradingScheme.DEFAULT, "100", "100", "100", "100")).as("0.2 * 4 rounds down to 0")
			.containsOnly(Grade.QUALIFIED);
	}

	@Test
	void thresholdsAndShareAreConfigurable() {
		var lenient = new GradingScheme(new BigDecimal("50"), new BigDecimal("30"), new BigDecimal("10"),
				BigDecimal.ONE);
		assertThat(grades(lenient, "50", "50", "30", "10", "9.9")).containsExactly(Grade.EXCELLENT, Grade.EXCELLENT,
				Grade.QUALIFIED, Grade.BASIC, Grade.UNQUALIFIED);
		assertThat(lenient.grade(List.of())).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new GradingScheme(new BigDecimal("50"),
				new BigDecimal("60"), new BigDecimal("10"), BigDecimal.ONE));
		assertThatIllegalArgumentException().isThrownBy(() -> new GradingScheme(new BigDecimal("90"),
				new BigDecimal("60"), new BigDecimal("40"), new BigDecimal("1.5")));
	}

	private static List<Grade> grades(GradingScheme scheme, String... points) {
		var members = new ArrayList<MemberPoints>();
		for (int i = 0; i < points.length; i++) {
			members.add(member("m%02d".formatted(i), points[i]));
		}
		// Inputs are listed best first with ids in the same order, so the graded order is
		// the input order.
		return scheme.grade(members).stream().map(GradedMember::grade).toList();
	}

	private static MemberPoints member(String id, String points) {
		return new MemberPoints(id, id, new BigDecimal(points));
	}

}
