package cn.partybuilding.points.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.points.claims.Claim;
import cn.partybuilding.points.claims.ClaimDecision;
import cn.partybuilding.points.claims.ClaimStatus;
import cn.partybuilding.points.claims.ClaimSubmission;
import cn.partybuilding.points.claims.PointsClaims;
import cn.partybuilding.points.roster.RosterNames;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Decisions;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * Bonus claims over HTTP: members claim for themselves; a secretary whose scope covers
 * the member's branch decides (never on their own claim); a member sees their own claims,
 * secretaries and admins those of their subtrees.
 */
@Service
class Claims {

	private final PointsClaims claims;

	private final AccessPolicy access;

	private final RosterNames names;

	private final PointsYears years;

	Claims(PointsClaims claims, AccessPolicy access, RosterNames names, PointsYears years) {
		this.claims = claims;
		this.access = access;
		this.names = names;
		this.years = years;
	}

	Mono<ClaimView> submit(Caller caller, ClaimsController.NewClaim body) {
		if (body.occurredOn().isAfter(this.years.today())) {
			return Mono.error(DomainException.invalid(Violation.of("occurredOn", "points.notFuture")));
		}
		List<String> evidence = (body.evidenceUrls() != null) ? body.evidenceUrls() : List.of();
		return this.claims.submit(caller.id(), body.ruleCode(), body.occurredOn(), body.description().strip(), evidence)
			.flatMap((outcome) -> switch (outcome) {
				case ClaimSubmission.Submitted submitted -> view(submitted.claim());
				case ClaimSubmission.RuleNotClaimable refused ->
					Mono.error(new DomainException(ErrorCode.RULE_NOT_CLAIMABLE, refused.ruleCode()));
				case ClaimSubmission.NotOnRoster notOnRoster ->
					Mono.error(new DomainException(ErrorCode.NOT_ON_ROSTER));
			});
	}

	Mono<ClaimView> find(Caller caller, UUID id) {
		return visible(caller, id).flatMap(this::view);
	}

	Mono<Page<ClaimView>> list(Caller caller, @Nullable ClaimStatus status, boolean mine, PageRequest page) {
		UUID after = page.isFirst() ? null : UUID.fromString(page.after(0));
		List<UUID> scopes = caller.scopesOf(Role.SECRETARY, Role.ORG_ADMIN);
		Mono<List<Claim>> rows;
		if (!mine && caller.isSysAdmin()) {
			rows = this.claims.under(null, status, after, page.fetchSize());
		}
		else if (!mine && !scopes.isEmpty()) {
			rows = this.claims.under(scopes, status, after, page.fetchSize());
		}
		else {
			rows = this.claims.ofMember(caller.id(), status, after, page.fetchSize());
		}
		return rows.flatMap((claims) -> views(page.page(claims, (claim) -> List.of(claim.id().toString()))));
	}

	Mono<ClaimView> approve(Caller caller, UUID id) {
		return decidable(caller, id).flatMap((claim) -> this.claims.approve(id, caller.id()))
			.flatMap((decision) -> decided(decision, "approve"));
	}

	Mono<ClaimView> reject(Caller caller, UUID id, String reason) {
		return decidable(caller, id).flatMap((claim) -> this.claims.reject(id, caller.id(), reason.strip()))
			.flatMap((decision) -> decided(decision, "reject"));
	}

	private Mono<Claim> visible(Caller caller, UUID id) {
		return this.claims.find(id)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((claim) -> claim.memberId().equals(caller.id()) ? Mono.just(claim)
					: this.access.require(caller, claim.branchId(), Role.SECRETARY, Role.ORG_ADMIN).thenReturn(claim));
	}

	private Mono<Claim> decidable(Caller caller, UUID id) {
		return this.claims.find(id)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((claim) -> this.access.require(caller, claim.branchId(), Role.SECRETARY).map((branch) -> {
				Decisions.requireNotOwn(caller, claim.memberId());
				return claim;
			}));
	}

	private Mono<ClaimView> decided(ClaimDecision decision, String action) {
		return switch (decision) {
			case ClaimDecision.Decided decided -> view(decided.claim());
			case ClaimDecision.NotPending notPending ->
				Mono.error(DomainException.illegalState(notPending.claim().status().name(), action));
		};
	}

	private Mono<ClaimView> view(Claim claim) {
		return views(new Page<>(List.of(claim), null)).map((page) -> page.items().get(0));
	}

	private Mono<Page<ClaimView>> views(Page<Claim> page) {
		return this.names.namesOf(page.items().stream().map(Claim::memberId).toList())
			.map((named) -> page.map((claim) -> view(claim, named)));
	}

	private ClaimView view(Claim claim, Map<UUID, String> names) {
		return new ClaimView(claim.id().toString(), claim.memberId().toString(),
				names.getOrDefault(claim.memberId(), ""), claim.branchId().toString(), claim.ruleCode(),
				claim.occurredOn(), claim.description(), claim.evidenceUrls(), claim.status(),
				(claim.decidedBy() != null) ? claim.decidedBy().toString() : null,
				(claim.decidedAt() != null) ? this.years.local(claim.decidedAt()) : null, claim.rejectReason(),
				this.years.local(claim.createdAt()));
	}

}
