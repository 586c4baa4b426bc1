package cn.partybuilding.activity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An activity members are invited to and check in to.
 *
 * @param id the activity
 * @param orgId the org unit holding it; its whole subtree is invited
 * @param type the kind of meeting
 * @param checkInOpensAt when check-in opens (by default 30 minutes before the start)
 * @param checkInClosesAt when check-in closes (by default at the end)
 * @param venue where, for check-in by position
 * @param methods how members check in
 * @param status where it stands
 * @param createdBy who planned or proposed it
 */
public record Activity(UUID id, UUID orgId, ActivityType type, String title, Instant startsAt, Instant endsAt,
		Instant checkInOpensAt, Instant checkInClosesAt, @Nullable Venue venue, Set<CheckInMethod> methods,
		ActivityStatus status, UUID createdBy) {

	public boolean checkInOpenAt(Instant now) {
		return !now.isBefore(this.checkInOpensAt) && !now.isAfter(this.checkInClosesAt);
	}

	public boolean hasStarted(Instant now) {
		return !now.isBefore(this.startsAt);
	}

	public boolean hasEnded(Instant now) {
		return now.isAfter(this.endsAt);
	}

}
