package cn.partybuilding.points.ledger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A member on a business day: whose cap usage, around which date.
 *
 * @param memberId the member's id as text
 * @param date the business day
 */
public record MemberDay(String memberId, LocalDate date) {

	public MemberDay {
		Objects.requireNonNull(memberId, "memberId");
		Objects.requireNonNull(date, "date");
	}

}
