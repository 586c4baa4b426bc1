package cn.partybuilding.points.claims;

import java.time.LocalDate;

import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsCategory;
import cn.partybuilding.points.core.RuleBook;

/**
 * Which rules a member may claim: bonus rules scored by approved claims, in force on the
 * date claimed.
 */
final class ClaimableRules {

	private ClaimableRules() {
	}

	static boolean isClaimable(RuleBook book, String ruleCode, LocalDate occurredOn) {
		return book.inForceOn(occurredOn)
			.stream()
			.anyMatch((rule) -> rule.code().equals(ruleCode) && rule.category() == PointsCategory.BONUS
					&& rule.eventType() == EventType.BONUS_CLAIM_APPROVED);
	}

}
