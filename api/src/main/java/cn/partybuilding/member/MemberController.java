package cn.partybuilding.member;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.member.MemberViews.MemberView;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.LargeBodies;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * {@code /members} and {@code /orgs/{id}/members}: the roster of members, within the
 * caller's scope.
 */
@RestController
@RequestMapping("/api/v1")
class MemberController {

	private final MemberService members;

	private final RoleGrants roles;

	private final RosterImport rosterImport;

	MemberController(MemberService members, RoleGrants roles, RosterImport rosterImport) {
		this.members = members;
		this.roles = roles;
		this.rosterImport = rosterImport;
	}

	@PostMapping("/members")
	@ApiErrors({ ErrorCode.PHONE_TAKEN, ErrorCode.PHONE_CONFLICT_LIMIT, ErrorCode.BRANCH_REQUIRED })
	Mono<ResponseEntity<MemberView>> register(@Valid @RequestBody NewMemberRequest body, Caller caller) {
		return this.members.register(caller, body)
			.map((member) -> ResponseEntity.created(URI.create("/api/v1/members/" + member.id())).body(member));
	}

	@GetMapping("/members/{id}")
	Mono<MemberView> get(@PathVariable UUID id, Caller caller) {
		return this.members.get(caller, id);
	}

	@PatchMapping("/members/{id}")
	@ApiErrors(ErrorCode.BRANCH_REQUIRED)
	Mono<MemberView> change(@PathVariable UUID id, @Valid @RequestBody MemberPatch body, Caller caller) {
		return this.members.change(caller, id, body);
	}

	@GetMapping("/orgs/{id}/members")
	Mono<Page<MemberView>> inOrg(@PathVariable UUID id, Caller caller, PageRequest page) {
		return this.members.inSubtree(caller, id, page);
	}

	/**
	 * The file is read as it streams in, only once the caller is known to administer the
	 * unit.
	 */
	@PostMapping(path = "/orgs/{id}/members:import", consumes = "text/csv")
	@ApiErrors({ ErrorCode.IMPORT_INVALID, ErrorCode.IMPORT_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE,
			ErrorCode.PHONE_TAKEN, ErrorCode.PHONE_CONFLICT_LIMIT, ErrorCode.UNSUPPORTED_MEDIA_TYPE })
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "text/csv",
			schema = @Schema(type = "string", maxLength = LargeBodies.IMPORT_LIMIT,
					description = "The roster: UTF-8 (with or without a byte order mark) or GB18030, the header line "
							+ "then one member a line, at most " + RosterFile.MAX_ROWS + " lines and "
							+ LargeBodies.IMPORT_LIMIT + " bytes; dates yyyy-MM-dd (or yyyy/M/d, yyyy.M.d) from "
							+ "1900-01-01 to 2100-12-31",
					example = "name,phone,gender,birthDate,joinedPartyOn,category,branchId\n"
							+ "张三,13800000000,男,1980-05-20,2005-07-01,在职,01a2523b-d411-7e65-9fc7-df67804a3f0d\n")))
	Mono<Imported> importRoster(@PathVariable UUID id, ServerHttpRequest request, Caller caller) {
		return this.rosterImport.importFile(caller, id, LargeBodies.limit(request.getBody(), LargeBodies.IMPORT_LIMIT))
			.map(Imported::new);
	}

	@PostMapping("/members/{id}/roles")
	@ApiErrors({ ErrorCode.ROLE_NOT_GRANTABLE, ErrorCode.SELF_DECISION })
	Mono<ResponseEntity<RoleGrants.GrantedRole>> grant(@PathVariable UUID id, @Valid @RequestBody RoleRequest body,
			Caller caller) {
		return this.roles.grant(caller, id, body.role(), body.scopeId())
			.map((granted) -> ResponseEntity.status(201).body(granted));
	}

	/** Takes a role away; 404 when the member does not hold it there. */
	@DeleteMapping("/members/{id}/roles/{role}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@ApiErrors({ ErrorCode.ROLE_NOT_GRANTABLE, ErrorCode.SELF_DECISION })
	Mono<Void> revoke(@PathVariable UUID id, @PathVariable Role role,
			@RequestParam(required = false) @Nullable UUID scopeId, Caller caller) {
		return this.roles.revoke(caller, id, role, scopeId);
	}

	/**
	 * A member to register.
	 *
	 * @param phone mobile number
	 * @param joinedPartyOn date of joining the party
	 * @param fullMemberOn date of becoming a full member; none while probationary
	 * @param category in service, retired, mobile or without post
	 * @param initialPassword a first password; without one the member logs in by SMS code
	 * or WeChat
	 */
	record NewMemberRequest(@NotNull UUID branchId, @NotBlank @Size(max = 50) String name,
			@NotBlank @Size(max = 32) String phone, @NotNull Gender gender, @NotNull LocalDate birthDate,
			@NotNull LocalDate joinedPartyOn, @Nullable LocalDate fullMemberOn, @NotNull MemberCategory category,
			@Schema(description = "8 to 64 characters, at most 72 bytes in UTF-8") @Nullable @Size(min = 8,
					max = 64) String initialPassword) {

		@Override
		public String toString() {
			return "NewMemberRequest[personal data hidden]";
		}

	}

	/**
	 * Changes to a member; absent fields stay as they are.
	 *
	 * @param branchId move to this branch
	 * @param status new status
	 * @param category new category
	 */
	record MemberPatch(@Nullable UUID branchId, @Nullable MemberStatus status, @Nullable MemberCategory category) {
	}

	/**
	 * The outcome of an import.
	 *
	 * @param imported how many members were registered
	 */
	record Imported(int imported) {
	}

	/**
	 * A role to grant.
	 *
	 * @param scopeId the org unit (or base) it is scoped to; none for SYS_ADMIN
	 */
	record RoleRequest(@NotNull Role role, @Nullable UUID scopeId) {
	}

}
