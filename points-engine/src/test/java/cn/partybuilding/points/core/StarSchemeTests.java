package cn.partybuilding.points.core;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StarSchemeTests {

	@Test
	void aBranchMeetingEveryTargetGetsFiveStars() {
		var figures = new BranchFigures("b1", 1.0, 1.0, 12, 95);
		assertThat(StarScheme.DEFAULT.rate(figures)).isEqualTo(new StarRating(figures, 100.0, 5, false));
	}

	@Test
	void aBranchWithoutMeasuredWorkGetsOneStarAndIsWeak() {
		assertThat(StarScheme.DEFAULT.rate(new BranchFigures("b1", 0, 0, 0, 0)))
			.isEqualTo(new StarRating(new BranchFigures("b1", 0, 0, 0, 0), 0.0, 1, true));
	}

	@Test
	void aOneStarBranchIsWeakEvenWithAcceptableAttendance() {
		var rating = StarScheme.DEFAULT.rate(new BranchFigures("b1", 0.6, 0.2, 0, 10));
		assertThat(rating.score()).isEqualTo(28.5);
		assertThat(rating.stars()).isEqualTo(1);
		assertThat(rating.weak()).isTrue();
	}

	@Test
	void theWeightedScoreReachingACutAddsAStar() {
		// 0.35 * 0.8 + 0.25 * 0.6 + 0.2 * (4 / 8) + 0.2 * (60 / 80) = 0.68
		var rating = StarScheme.DEFAULT.rate(new BranchFigures("b1", 0.8, 0.6, 4, 60));
		assertThat(rating.score()).isEqualTo(68.0);
		assertThat(rating.stars()).isEqualTo(3);
		assertThat(rating.weak()).isFalse();
		// 0.35 * 1 + 0.25 * 1 + 0.2 * 0 + 0.2 * (60 / 80) = 0.75: exactly on the
		// four-star cut
		assertThat(StarScheme.DEFAULT.rate(new BranchFigures("b1", 1, 1, 0, 60)).stars()).isEqualTo(4);
		assertThat(StarScheme.DEFAULT.rate(new BranchFigures("b1", 1, 1, 0, 59)).stars()).isEqualTo(3);
	}

	@Test
	void lowAttendanceMarksABranchWeakWhateverItsStars() {
		var rating = StarScheme.DEFAULT.rate(new BranchFigures("b1", 0.49, 1, 20, 100));
		assertThat(rating.stars()).isEqualTo(4);
		assertThat(rating.weak()).isTrue();
		assertThat(StarScheme.DEFAULT.rate(new BranchFigures("b1", 0.5, 1, 20, 100)).weak()).isFalse();
	}

	@Test
	void theSchemeIsConfigurable() {
		var attendanceOnly = new StarScheme(1, 0, 0, 0, 1, 1, List.of(20.0, 40.0, 60.0, 80.0), 0.1);
		assertThat(attendanceOnly.rate(new BranchFigures("b1", 0.45, 0, 0, 0)).stars()).isEqualTo(3);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StarScheme(1, 0, 0, 0, 1, 1, List.of(40.0, 20.0, 60.0, 80.0), 0.1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StarScheme(0, 0, 0, 0, 1, 1, List.of(20.0, 40.0, 60.0, 80.0), 0.1));
	}

	@Test
	void figuresOutsideTheirRangeAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BranchFigures("b1", 1.2, 0, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new BranchFigures("b1", 0, Double.NaN, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new BranchFigures("b1", 0, 0, -1, 0));
	}

}
