package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LeaderboardTests {

	private final Leaderboard board = Leaderboard.of(List.of(member("m5", "钱七", "70"), member("m3", "王五", "80"),
			member("m1", "张三", "90"), member("m4", "赵六", "80.0"), member("m2", "李四", "80"), member("m6", "孙八", "-2")));

	@Test
	void tiesShareARankAndTheNextRankSkips() {
		assertThat(this.board.ranked()).extracting(RankedMember::rank, RankedMember::memberId)
			.containsExactly(tuple(1, "m1"), tuple(2, "m2"), tuple(2, "m3"), tuple(2, "m4"), tuple(5, "m5"),
					tuple(6, "m6"));
	}

	@Test
	void aMembersRankIsFoundById() {
		assertThat(this.board.rankOf("m4")).contains(new RankedMember(2, "m4", "赵六", new BigDecimal("80.0")));
		assertThat(this.board.rankOf("m5")).map(RankedMember::rank).contains(5);
		assertThat(this.board.rankOf("nobody")).isEmpty();
		assertThat(this.board.size()).isEqualTo(6);
	}

	@Test
	void theTopIsTheStartOfTheDisplayOrder() {
		assertThat(this.board.top(3)).extracting(RankedMember::memberId).containsExactly("m1", "m2", "m3");
		assertThat(this.board.top(100)).hasSize(6);
		assertThat(this.board.top(0)).isEmpty();
	}

	@Test
	void theOrderDoesNotDependOnTheInputOrder() {
		var reversed = Leaderboard.of(this.board.ranked()
			.reversed()
			.stream()
			.map((r) -> member(r.memberId(), r.name(), r.points().toPlainString()))
			.toList());
		assertThat(reversed.ranked()).isEqualTo(this.board.ranked());
		assertThat(Leaderboard.of(List.of()).ranked()).isEmpty();
	}

	static MemberPoints member(String id, String name, String points) {
		return new MemberPoints(id, name, new BigDecimal(points));
	}

}
