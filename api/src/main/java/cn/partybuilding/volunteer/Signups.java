package cn.partybuilding.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.security.Caller;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Signing up (认领) and cancelling. A sign-up and the place it takes are one transaction:
 * the sign-up row is inserted (unique per member and project), then a place is taken with
 * a conditional update of the project's count; when no place is left the insert rolls
 * back with it and the member hears PROJECT_FULL. Repeats give back the sign-up and take
 * no second place; cancelling gives the place back in the same transaction.
 */
@Service
class Signups {

	private final SignupRepository repository;

	private final ProjectRepository projects;

	private final ProjectAccess access;

	private final TransactionalOperator transactions;

	private final Clock clock;

	Signups(SignupRepository repository, ProjectRepository projects, ProjectAccess access,
			TransactionalOperator transactions, Clock clock) {
		this.repository = repository;
		this.projects = projects;
		this.access = access;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * 201 when this call took a place; a repeat (a double tap, a retry) gets the member's
	 * sign-up with 200.
	 */
	Mono<Recorded> signUp(Caller caller, UUID projectId) {
		if (caller.branchId() == null) {
			// Volunteers are members; an account without a member record has no one to
			// sign up.
			return Mono.error(DomainException.forbidden());
		}
		Instant now = this.clock.instant();
		return this.access.find(projectId)
			.flatMap((project) -> this.repository.findFor(projectId, caller.id())
				.filter((existing) -> existing.status().holdsPlace())
				.map((existing) -> new Recorded(existing, false))
				.switchIfEmpty(Mono.defer(() -> take(project, caller.id(), now))));
	}

	private Mono<Recorded> take(Project project, UUID memberId, Instant now) {
		if (project.status(now) != ProjectStatus.OPEN) {
			return Mono.error(new DomainException(ErrorCode.PROJECT_NOT_OPEN));
		}
		return this.repository.insert(Ids.newId(), project.id(), memberId, now)
			.switchIfEmpty(Mono.defer(() -> this.repository.signUpAgain(project.id(), memberId, now)))
			.flatMap((signup) -> this.projects.takePlace(project.id(), now)
				.flatMap((taken) -> taken ? Mono.just(new Recorded(signup, true)) : refusal(project.id(), now)))
			.as(this.transactions::transactional)
			// Neither new nor cancelled: the member's other request signed up in between,
			// and that is the sign-up.
			.switchIfEmpty(Mono.defer(() -> this.repository.findFor(project.id(), memberId)
				.map((existing) -> new Recorded(existing, false))));
	}

	/**
	 * Why no place was taken: the project stopped being open in between, or it is full.
	 */
	private <T> Mono<T> refusal(UUID projectId, Instant now) {
		return this.projects.find(projectId)
			.flatMap((project) -> Mono.error(new DomainException((project.status(now) == ProjectStatus.OPEN)
					? ErrorCode.PROJECT_FULL : ErrorCode.PROJECT_NOT_OPEN)));
	}

	/**
	 * The volunteer, or a secretary or org admin over the project's unit, cancels; the
	 * place is free again.
	 */
	Mono<Signup> cancel(Caller caller, UUID id) {
		return this.repository.find(id).switchIfEmpty(Mono.error(DomainException::notFound)).flatMap((signup) -> {
			Mono<?> allowed = signup.memberId().equals(caller.id()) ? Mono.just(signup)
					: this.access.requireAdministered(caller, signup.projectId());
			return allowed.then(this.repository.cancel(id, caller.id(), this.clock.instant())
				.flatMap((cancelled) -> this.projects.freePlace(cancelled.projectId()).thenReturn(cancelled))
				.as(this.transactions::transactional)
				.switchIfEmpty(Mono.defer(() -> this.repository.find(id)
					.flatMap((current) -> Mono.error(DomainException.illegalState(current.status().name(),
							SignupStatus.Action.CANCEL.name()))))));
		});
	}

	/** The project's sign-ups, for its secretary. */
	Mono<Page<Signup>> ofProject(Caller caller, UUID projectId, PageRequest page) {
		return this.access.requireAdministered(caller, projectId)
			.flatMap((project) -> this.repository.ofProject(projectId, page).collectList())
			.map((rows) -> page.page(rows, (signup) -> List.of(signup.id().toString())));
	}

	/**
	 * A sign-up and whether this call took its place.
	 *
	 * @param signup the sign-up
	 * @param created {@code true} when this call signed up (or up again after cancelling)
	 */
	record Recorded(Signup signup, boolean created) {
	}

}
