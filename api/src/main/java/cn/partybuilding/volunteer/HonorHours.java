package cn.partybuilding.volunteer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import cn.partybuilding.member.Memberships;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Decisions;
import cn.partybuilding.system.Ids;
import cn.partybuilding.system.Parameters;
import cn.partybuilding.web.paging.Keyset;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * Granting honor hours (a secretary or org admin over the member's branch, never to
 * themselves) and reading them.
 */
@Service
class HonorHours {

	private static final String COLUMNS = "id, member_id, project_id, hours, reason, granted_by, granted_at";

	private static final Keyset NEWEST = Keyset.descending(Keyset.instant("granted_at"), Keyset.uuid("id"));

	private final DatabaseClient db;

	private final Memberships memberships;

	private final AccessPolicy access;

	private final ProjectAccess projects;

	private final Clock clock;

	HonorHours(DatabaseClient db, Memberships memberships, AccessPolicy access, ProjectAccess projects, Clock clock) {
		this.db = db;
		this.memberships = memberships;
		this.access = access;
		this.projects = projects;
		this.clock = clock;
	}

	Mono<HonorGrant> grant(Caller caller, UUID memberId, @Nullable UUID projectId, BigDecimal hours, String reason) {
		return this.memberships.branchOf(memberId)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((branch) -> this.access.require(caller, branch, ProjectAccess.ADMINISTERING))
			.flatMap((branch) -> {
				Decisions.requireNotOwn(caller, memberId);
				if (!ServiceWindow.inHalfHours(hours)) {
					return Mono.error(DomainException.invalid(Violation.of("hours", "volunteer.halfHours")));
				}
				Mono<?> project = (projectId != null) ? this.projects.find(projectId) : Mono.empty();
				HonorGrant grant = new HonorGrant(Ids.newId(), memberId, projectId, hours, reason.strip(), caller.id(),
						this.clock.instant());
				return project.then(insert(grant));
			});
	}

	/** The member's grants made in [from, to), newest first. */
	Mono<Page<HonorGrant>> of(UUID memberId, Instant from, Instant to, PageRequest page) {
		var spec = this.db
			.sql("SELECT " + COLUMNS + " FROM volunteer_honor_hours WHERE member_id = :member "
					+ "AND granted_at >= :from AND granted_at < :to" + NEWEST.condition(page) + NEWEST.orderAndLimit())
			.bind("member", memberId)
			.bind("from", from)
			.bind("to", to);
		return NEWEST.bind(spec, page)
			.map(HonorHours::read)
			.all()
			.collectList()
			.map((rows) -> page.page(rows, (grant) -> List.of(grant.grantedAt().toString(), grant.id().toString())));
	}

	private Mono<HonorGrant> insert(HonorGrant grant) {
		return this.db
			.sql("INSERT INTO volunteer_honor_hours (" + COLUMNS + ") VALUES (:id, :member, :project, "
					+ ":hours, :reason, :by, :at)")
			.bind("id", grant.id())
			.bind("member", grant.memberId())
			.bind("project", Parameters.nullable(grant.projectId(), UUID.class))
			.bind("hours", grant.hours())
			.bind("reason", grant.reason())
			.bind("by", grant.grantedBy())
			.bind("at", grant.grantedAt())
			.then()
			.thenReturn(grant);
	}

	private static HonorGrant read(Readable row) {
		return new HonorGrant(row.get("id", UUID.class), row.get("member_id", UUID.class),
				row.get("project_id", UUID.class), row.get("hours", BigDecimal.class), row.get("reason", String.class),
				row.get("granted_by", UUID.class), row.get("granted_at", Instant.class));
	}

}
