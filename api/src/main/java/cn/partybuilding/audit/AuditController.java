package cn.partybuilding.audit;

import java.util.List;

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
 * {@code GET /audit-log}: the audit log, newest first. The system administrator reads all
 * of it; an org admin reads what concerns the whole installation and their own subtrees;
 * nobody else reads it.
 */
@RestController
@RequestMapping("/api/v1")
class AuditController {

	private final AuditLogRepository repository;

	private final AuditViews views;

	AuditController(AuditLogRepository repository, AuditViews views) {
		this.repository = repository;
		this.views = views;
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
			.map((rows) -> page.page(rows, (row) -> List.of(row.id().toString())).map(this.views::view));
	}

}
