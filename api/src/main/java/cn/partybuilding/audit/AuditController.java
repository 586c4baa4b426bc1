package cn.partybuilding.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;

/**
 * {@code GET /audit-log}: the audit log, newest first. The system administrator reads all of it; an org admin reads
 * what concerns the whole installation and their own subtrees; nobody else reads it.
 */
@RestController
@RequestMapping("/api/v1")
class AuditController {

	private final AuditLogRepository repository;

	private final Clock clock;

	AuditController(AuditLogRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@GetMapping("/audit-log")
	Mono<Page<EntryView>> read(Caller caller,
			@RequestParam(required = false) @Nullable @Size(max = 64) @Pattern(regexp = "[A-Z_]+") String action,
			@RequestParam(required = false) @Nullable @Size(max = 64) String targetId, PageRequest page) {
		List<java.util.UUID> scopes = null;
		if (!caller.isSysAdmin()) {
			scopes = caller.scopesOf(Role.ORG_ADMIN);
			if (scopes.isEmpty()) {
				return Mono.error(DomainException.forbidden());
			}
		}
		return this.repository.read(scopes, action, targetId, page)
			.collectList()
			.map((rows) -> page.page(rows, (row) -> List.of(row.id().toString())).map(this::view));
	}

	private EntryView view(AuditLogRepository.Recorded recorded) {
		AuditEntry entry = recorded.entry();
		return new EntryView(recorded.id().toString(), recorded.at().atZone(this.clock.getZone()).toOffsetDateTime(),
				(entry.actorId() != null) ? entry.actorId().toString() : null, recorded.actorName(), entry.action(),
				entry.targetType(), entry.targetId(), (entry.orgId() != null) ? entry.orgId().toString() : null,
				entry.details());
	}

	/**
	 * An entry of the audit log.
	 *
	 * @param id the entry
	 * @param at when
	 * @param actorId who; absent for the system itself
	 * @param actorName the actor's name, when the actor is a member
	 * @param action what was done
	 * @param targetType the kind of thing it was done to
	 * @param targetId the thing
	 * @param orgId the org unit it concerns; absent for the whole installation
	 * @param details more about it (never personal data)
	 */
	record EntryView(String id, OffsetDateTime at, @Nullable String actorId, @Nullable String actorName,
			String action, String targetType, @Nullable String targetId, @Nullable String orgId,
			Map<String, String> details) {
	}

}
