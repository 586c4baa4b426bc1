package cn.partybuilding.volunteer;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.activity.Venue;

/**
 * A volunteer service project published by an org unit (from its residents' 需求清单).
 *
 * @param id the project
 * @param orgId the unit that publishes and runs it
 * @param description what volunteers do
 * @param category e.g. 助老助残, 环境整治, 文明宣传
 * @param location where, with the radius check-in and checkout positions are checked
 * against; none for work anywhere
 * @param slots how many volunteers it takes
 * @param taken places held by active sign-ups
 * @param stored the stored status (OPEN, CLOSED or CANCELLED)
 * @param createdBy who published it
 */
record Project(UUID id, UUID orgId, String title, String description, String category, @Nullable Venue location,
		Instant startsAt, Instant endsAt, int slots, int taken, ProjectStatus stored, UUID createdBy) {

	/**
	 * The status as of {@code now}: a project not cancelled is FINISHED once its end has
	 * passed.
	 */
	ProjectStatus status(Instant now) {
		return (this.stored != ProjectStatus.CANCELLED && !now.isBefore(this.endsAt)) ? ProjectStatus.FINISHED
				: this.stored;
	}

	ServiceWindow window() {
		return new ServiceWindow(this.startsAt, this.endsAt);
	}

}
