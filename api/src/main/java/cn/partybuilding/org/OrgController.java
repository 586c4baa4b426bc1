package cn.partybuilding.org;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.security.Caller;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.ErrorCode;

/** {@code /orgs}: the organization tree. */
@RestController
@RequestMapping("/api/v1/orgs")
class OrgController {

	private final OrgDirectory directory;

	OrgController(OrgDirectory directory) {
		this.directory = directory;
	}

	@PostMapping
	@ApiErrors(ErrorCode.ORG_NESTING_INVALID)
	Mono<ResponseEntity<OrgView>> create(@Valid @RequestBody NewOrg body, Caller caller) {
		return this.directory.create(caller, body.parentId(), body.name().trim(), body.type(), body.kind())
			.map((org) -> ResponseEntity.created(URI.create("/api/v1/orgs/" + org.id())).body(org));
	}

	@GetMapping("/{id}")
	Mono<OrgView> get(@PathVariable UUID id, Caller caller) {
		return this.directory.get(caller, id);
	}

	@GetMapping("/{id}/children")
	Mono<Page<OrgView>> children(@PathVariable UUID id, Caller caller, PageRequest page) {
		return this.directory.children(caller, id, page);
	}

	/**
	 * A new org unit.
	 *
	 * @param parentId the unit it goes under; none for a top-level committee (system
	 * administrator only)
	 * @param type its level
	 * @param kind what it is organized around
	 */
	record NewOrg(@Nullable UUID parentId, @NotBlank @Size(max = 100) String name, @NotNull OrgType type,
			@Nullable OrgKind kind) {
	}

	/**
	 * An org unit as the API shows it.
	 *
	 * @param id the unit
	 * @param parentId the unit above
	 * @param type its level
	 * @param kind what it is organized around
	 * @param path the ancestors' ids from the top down
	 * @param memberCount active members in the whole subtree
	 */
	record OrgView(String id, @Nullable String parentId, String name, OrgType type, @Nullable OrgKind kind,
			List<String> path, long memberCount) {

		static OrgView of(OrgUnit unit, long memberCount) {
			return new OrgView(unit.id().toString(), (unit.parentId() != null) ? unit.parentId().toString() : null,
					unit.name(), unit.type(), unit.kind(), unit.ancestors().stream().map(UUID::toString).toList(),
					memberCount);
		}

	}

}
