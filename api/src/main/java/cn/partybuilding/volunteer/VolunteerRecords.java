package cn.partybuilding.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.activity.Venue;

/**
 * Projects and service records given in full — the demo district's, past ones included —
 * stored by their ids, so loading them again changes nothing. No scope checks: callers
 * are loaders, not requests. Approvals go through the same events as the secretary's
 * (points and a notification, each once).
 */
@Service
public class VolunteerRecords {

	private final ProjectRepository projects;

	private final SignupRepository signups;

	private final VolunteerEvents events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	VolunteerRecords(ProjectRepository projects, SignupRepository signups, VolunteerEvents events,
			TransactionalOperator transactions, Clock clock) {
		this.projects = projects;
		this.signups = signups;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Stores an open project unless one with its id exists. */
	public Mono<Void> project(ProjectRecord record) {
		return this.projects.insert(new Project(record.id(), record.orgId(), record.title(), record.description(),
				record.category(), record.location(), record.startsAt(), record.endsAt(), record.slots(), 0,
				ProjectStatus.OPEN, record.createdBy()), this.clock.instant());
	}

	/**
	 * Signs the member up (the sign-up holding a place), checked in and out at the given
	 * times when they are given, and approved (the recorded hours) by {@code approvedBy}
	 * when given; what is there already stays as it is.
	 */
	public Mono<Void> service(UUID signupId, UUID projectId, UUID memberId, Instant signedUpAt,
			@Nullable Instant checkedInAt, @Nullable Instant checkedOutAt, @Nullable UUID approvedBy) {
		return this.projects.find(projectId)
			.flatMap((project) -> this.signups.insert(signupId, projectId, memberId, signedUpAt)
				.flatMap((signup) -> this.projects.recount(projectId))
				.then((checkedInAt != null) ? this.signups.checkIn(signupId, checkedInAt, null) : Mono.empty())
				.then((checkedInAt == null || checkedOutAt == null) ? Mono.empty()
						: this.signups.checkOut(signupId, checkedOutAt, null,
								project.window().hours(checkedInAt, checkedOutAt)))
				.then((approvedBy != null) ? this.signups.find(signupId)
					.filter((signup) -> signup.status() == SignupStatus.CHECKED_OUT && signup.recordedHours() != null)
					.flatMap((signup) -> this.signups.approve(signupId, signup.recordedHours(), approvedBy,
							(checkedOutAt != null) ? checkedOutAt : signedUpAt, null))
					.flatMap((approved) -> this.events.approved(project, approved)) : Mono.empty())
				.as(this.transactions::transactional));
	}

	/**
	 * A project as loaded.
	 *
	 * @param id its id, chosen by the loader
	 * @param orgId the unit running it
	 * @param description what volunteers do
	 * @param category e.g. 环境整治
	 * @param location where, if anywhere in particular
	 * @param slots places
	 * @param createdBy who published it
	 */
	public record ProjectRecord(UUID id, UUID orgId, String title, String description, String category,
			@Nullable Venue location, Instant startsAt, Instant endsAt, int slots, UUID createdBy) {
	}

}
