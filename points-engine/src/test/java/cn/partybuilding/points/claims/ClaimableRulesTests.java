package cn.partybuilding.points.claims;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.partybuilding.points.core.DefaultRuleBook;
import cn.partybuilding.points.core.RuleBook;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimableRulesTests {

	private final RuleBook book = DefaultRuleBook.of(LocalDate.of(2020, 1, 1));

	@Test
	void bonusRulesScoredByApprovedClaimsMayBeClaimedWhileInForce() {
		assertThat(ClaimableRules.isClaimable(this.book, "COMMENDATION", LocalDate.of(2026, 5, 4))).isTrue();
		assertThat(ClaimableRules.isClaimable(this.book, "ADVANCED_MODEL", LocalDate.of(2020, 1, 1))).isTrue();
		assertThat(ClaimableRules.isClaimable(this.book, "COMMENDATION", LocalDate.of(2019, 12, 31))).isFalse();
	}

	@Test
	void otherRulesAndUnknownCodesMayNot() {
		LocalDate day = LocalDate.of(2026, 5, 4);
		assertThat(ClaimableRules.isClaimable(this.book, "MANUAL_BONUS", day)).as("a bonus rule of adjustments")
			.isFalse();
		assertThat(ClaimableRules.isClaimable(this.book, "STUDY", day)).isFalse();
		assertThat(ClaimableRules.isClaimable(this.book, "NO_SUCH_RULE", day)).isFalse();
	}

}
