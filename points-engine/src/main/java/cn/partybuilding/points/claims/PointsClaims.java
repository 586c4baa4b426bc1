package cn.partybuilding.points.claims;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.points.core.BusinessCalendar;
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.intake.PointsIntake;
import cn.partybuilding.points.roster.PointsRoster;
import cn.partybuilding.points.rules.PointsRules;

/**
 * Bonus claims and their decisions. Approving records an approved-claim event (id
 * {@code claim:<claimId>}) in the same transaction; scoring gives the claimed rule's
 * points on the date claimed, caps applied, like any event. Who may claim and decide is
 * the caller's business (the application checks roles and scope).
 */
@Service
public class PointsClaims {

	private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

	private final ClaimRepository claims;

	private final PointsRules rules;

	private final PointsRoster roster;

	private final PointsIntake intake;

	private final TransactionalOperator transactions;

	private final Clock clock;

	PointsClaims(ClaimRepository claims, PointsRules rules, PointsRoster roster, PointsIntake intake,
			TransactionalOperator transactions, Clock clock) {
		this.claims = claims;
		this.rules = rules;
		this.roster = roster;
		this.intake = intake;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Files a pending claim of the member's, if the rule may be claimed for that date.
	 */
	public Mono<ClaimSubmission> submit(UUID memberId, String ruleCode, LocalDate occurredOn, String description,
			List<String> evidenceUrls) {
		return this.roster.find(memberId).flatMap((member) -> this.rules.book().flatMap((book) -> {
			if (!ClaimableRules.isClaimable(book, ruleCode, occurredOn)) {
				return Mono.<ClaimSubmission>just(new ClaimSubmission.RuleNotClaimable(ruleCode));
			}
			Claim claim = new Claim(IDS.generate(), memberId, member.branchId(), member.orgPath(), ruleCode, occurredOn,
					description, evidenceUrls, ClaimStatus.PENDING, null, null, null, this.clock.instant());
			return this.claims.insert(claim).map(ClaimSubmission.Submitted::new);
		})).defaultIfEmpty(new ClaimSubmission.NotOnRoster());
	}

	/** The claim, if it exists. */
	public Mono<Claim> find(UUID id) {
		return this.claims.find(id);
	}

	/**
	 * Up to {@code limit} claims of the member, newest first, after the claim
	 * {@code after}.
	 */
	public Mono<List<Claim>> ofMember(UUID memberId, @Nullable ClaimStatus status, @Nullable UUID after, int limit) {
		return this.claims.list(memberId, null, status, after, limit).collectList();
	}

	/**
	 * Up to {@code limit} claims of members of the given org subtrees ({@code null}:
	 * all), newest first, after the claim {@code after}.
	 */
	public Mono<List<Claim>> under(@Nullable List<UUID> orgIds, @Nullable ClaimStatus status, @Nullable UUID after,
			int limit) {
		return this.claims.list(null, orgIds, status, after, limit).collectList();
	}

	/**
	 * Approves a pending claim and records its points event; empty when there is no such
	 * claim.
	 */
	public Mono<ClaimDecision> approve(UUID id, UUID decidedBy) {
		BusinessCalendar calendar = new BusinessCalendar(this.clock.getZone());
		return decide(id, ClaimStatus.APPROVED, decidedBy, null,
				(claim) -> this.intake.record(PointsEvent.claim(claim.eventId(), claim.memberId().toString(),
						calendar.startOf(claim.occurredOn()), claim.ruleCode(), null)));
	}

	/** Rejects a pending claim; empty when there is no such claim. */
	public Mono<ClaimDecision> reject(UUID id, UUID decidedBy, String reason) {
		return decide(id, ClaimStatus.REJECTED, decidedBy, reason, (claim) -> Mono.empty());
	}

	private Mono<ClaimDecision> decide(UUID id, ClaimStatus to, UUID by, @Nullable String reason,
			Function<Claim, Mono<Void>> effect) {
		return this.claims.decide(id, to, by, this.clock.instant(), reason)
			.flatMap((claim) -> effect.apply(claim).thenReturn((ClaimDecision) new ClaimDecision.Decided(claim)))
			.switchIfEmpty(Mono.defer(() -> this.claims.find(id).map(ClaimDecision.NotPending::new)))
			.as(this.transactions::transactional);
	}

}
