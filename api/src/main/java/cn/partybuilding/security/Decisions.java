package cn.partybuilding.security;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * The one rule for every decision (leave, manual check-ins, volunteer hours, point claims
 * and adjustments, bookings, proposed activities, minutes, roles): nobody decides their
 * own case. Whoever the decision is about — the member who asked, whose hours or points
 * they are, who booked or proposed, who signed — may not take it: 403
 * {@code SELF_DECISION}.
 */
public final class Decisions {

	private Decisions() {
	}

	/** Refuses when the caller is the one the decision is about. */
	public static void requireNotOwn(Caller caller, @Nullable UUID concerned) {
		if (caller.id().equals(concerned)) {
			throw new DomainException(ErrorCode.SELF_DECISION);
		}
	}

}
