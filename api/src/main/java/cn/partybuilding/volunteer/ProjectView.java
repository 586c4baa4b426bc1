package cn.partybuilding.volunteer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.activity.Venue;

/**
 * A project as the API shows it.
 *
 * @param id the project
 * @param orgId the unit running it
 * @param description what volunteers do
 * @param category e.g. 助老助残
 * @param location where, if anywhere in particular
 * @param slots how many volunteers it takes
 * @param taken places held by sign-ups
 * @param remaining places left
 * @param status OPEN, CLOSED, CANCELLED or FINISHED
 * @param createdBy who published it
 * @param mine in a list: whether it belongs to the caller's own units (their branch, the
 * units above it, the community they registered with)
 * @param distanceMeters in a list by position: metres from there
 */
record ProjectView(String id, String orgId, String title, String description, String category, @Nullable Venue location,
		OffsetDateTime startsAt, OffsetDateTime endsAt, int slots, int taken, int remaining, ProjectStatus status,
		String createdBy, @Nullable Boolean mine, @Nullable Long distanceMeters) {

	static ProjectView of(Project project, Instant now, ZoneId zone) {
		return of(project, now, zone, null, null);
	}

	static ProjectView listed(ProjectListing.Listed listed, Instant now, ZoneId zone) {
		Double distance = listed.distance();
		return of(listed.project(), now, zone, listed.mine(),
				(distance != null && Double.isFinite(distance)) ? Math.round(distance) : null);
	}

	private static ProjectView of(Project project, Instant now, ZoneId zone, @Nullable Boolean mine,
			@Nullable Long distanceMeters) {
		return new ProjectView(project.id().toString(), project.orgId().toString(), project.title(),
				project.description(), project.category(), project.location(),
				project.startsAt().atZone(zone).toOffsetDateTime(), project.endsAt().atZone(zone).toOffsetDateTime(),
				project.slots(), project.taken(), project.slots() - project.taken(), project.status(now),
				project.createdBy().toString(), mine, distanceMeters);
	}

}
