package cn.partybuilding.volunteer;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.problem.DomainException;

/**
 * Who may see and run a project. Volunteering is open across branches, so every member
 * reads every project and may sign up; running it — closing, cancelling, the sign-up
 * list, making up checkouts, approving hours — takes a secretary or org admin over its
 * unit (404 to anyone outside that subtree, 403 to members inside it).
 */
@Component
class ProjectAccess {

	static final Role[] ADMINISTERING = { Role.SECRETARY, Role.ORG_ADMIN };

	private final ProjectRepository projects;

	private final AccessPolicy access;

	ProjectAccess(ProjectRepository projects, AccessPolicy access) {
		this.projects = projects;
		this.access = access;
	}

	/** The project, for any caller; 404 when there is none. */
	Mono<Project> find(UUID id) {
		return this.projects.find(id).switchIfEmpty(Mono.error(DomainException::notFound));
	}

	/** The project, if the caller is a secretary or org admin over its unit. */
	Mono<Project> requireAdministered(Caller caller, UUID id) {
		return find(id)
			.flatMap((project) -> this.access.require(caller, project.orgId(), ADMINISTERING).thenReturn(project));
	}

}
