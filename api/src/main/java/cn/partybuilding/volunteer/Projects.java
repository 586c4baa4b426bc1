package cn.partybuilding.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.org.Orgs;
import cn.partybuilding.security.Caller;
import cn.partybuilding.system.Ids;
import cn.partybuilding.volunteer.ProjectController.NewProject;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * Publishing projects (a secretary or org admin of the unit), closing and cancelling
 * them, and listing them.
 */
@Service
class Projects {

	private final ProjectRepository repository;

	private final ProjectListing listing;

	private final ProjectAccess projectAccess;

	private final AccessPolicy access;

	private final Orgs orgs;

	private final Clock clock;

	Projects(ProjectRepository repository, ProjectListing listing, ProjectAccess projectAccess, AccessPolicy access,
			Orgs orgs, Clock clock) {
		this.repository = repository;
		this.listing = listing;
		this.projectAccess = projectAccess;
		this.access = access;
		this.orgs = orgs;
		this.clock = clock;
	}

	Mono<Project> publish(Caller caller, NewProject request) {
		Instant now = this.clock.instant();
		return this.access.require(caller, request.orgId(), ProjectAccess.ADMINISTERING).flatMap((org) -> {
			List<Violation> violations = ProjectRules.check(request.startsAt(), request.endsAt(), now);
			if (!violations.isEmpty()) {
				return Mono.error(DomainException.invalid(violations.toArray(Violation[]::new)));
			}
			Project project = new Project(Ids.newId(), org.id(), request.title().strip(), request.description().strip(),
					request.category().strip(), request.locationOrNull(), request.startsAt(), request.endsAt(),
					request.slots(), 0, ProjectStatus.OPEN, caller.id());
			return this.repository.insert(project, now).thenReturn(project);
		});
	}

	Mono<Project> get(UUID id) {
		return this.projectAccess.find(id);
	}

	/**
	 * Closes or cancels the project: its unit's secretary or org admin, from a status
	 * that allows it.
	 */
	Mono<Project> decide(Caller caller, UUID id, ProjectStatus.Action action) {
		Instant now = this.clock.instant();
		return this.projectAccess.requireAdministered(caller, id).flatMap((project) -> {
			ProjectStatus current = project.status(now);
			ProjectStatus to = current.after(action);
			if (to == null) {
				return Mono.error(DomainException.illegalState(current.name(), action.name()));
			}
			return this.repository.transition(id, ProjectStatus.before(action, to), to, now)
				// Someone else changed it in between, or it just finished: the transition
				// no longer applies.
				.switchIfEmpty(Mono.error(() -> DomainException.illegalState(current.name(), action.name())));
		});
	}

	/**
	 * Every member may list every project; {@code orgId} narrows to a unit's subtree,
	 * which must exist.
	 */
	Mono<Page<ProjectListing.Listed>> list(Caller caller, @Nullable UUID orgId, @Nullable ProjectStatus status,
			@Nullable String near, PageRequest page) {
		Position position = (near != null) ? Position.parse(near) : null;
		ProjectListing.Query query = new ProjectListing.Query(caller.id(), orgId,
				(status != null) ? status : ProjectStatus.OPEN, position);
		Mono<?> unit = (orgId != null) ? this.orgs.find(orgId).switchIfEmpty(Mono.error(DomainException::notFound))
				: Mono.empty();
		return unit.then(Mono.defer(() -> this.listing.list(query, this.clock.instant(), page)));
	}

}
