package cn.partybuilding.points.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.points.core.CapUsage;
import cn.partybuilding.points.core.EntryKind;
import cn.partybuilding.points.core.LedgerEntry;
import cn.partybuilding.points.core.PeriodTotals;
import cn.partybuilding.points.core.PointsCategory;
import cn.partybuilding.points.core.RuleVersion;

/**
 * How a member's ledger grows, for the engine's scoring and recalculation. Every method
 * is meant to run inside a transaction that first took the member's lock
 * ({@link #lockMember}): then the cap usage read is the usage the appended entries are
 * cut against, and the balance moves with the entries.
 */
@Service
public class PointsLedger {

	private final LedgerRepository repository;

	private final LedgerReadRepository reads;

	PointsLedger(LedgerRepository repository, LedgerReadRepository reads) {
		this.repository = repository;
		this.reads = reads;
	}

	/**
	 * Takes the member's transaction-scoped lock ({@code pg_advisory_xact_lock} in the
	 * points namespace, so it never meets other features' locks); it is released when the
	 * transaction ends.
	 */
	public Mono<Void> lockMember(String memberId) {
		return this.repository.lockMember(memberId);
	}

	/**
	 * Takes the locks of several members at once (for a batch), in an order every
	 * transaction shares.
	 */
	public Mono<Void> lockMembers(Collection<String> memberIds) {
		return memberIds.isEmpty() ? Mono.empty() : this.repository.lockMembers(memberIds);
	}

	/**
	 * How much of the caps of the given rules the member used in the periods around
	 * {@code date}.
	 */
	public Mono<CapUsage> capUsage(String memberId, LocalDate date, Collection<RuleVersion> rules) {
		MemberDay key = new MemberDay(memberId, date);
		return capUsages(List.of(key), rules).map((usages) -> usages.getOrDefault(key, CapUsage.NONE));
	}

	/**
	 * As {@link #capUsage} for many members at once, each around one date, in one query:
	 * the usage of each key that used any of the caps (a key missing from the answer used
	 * none).
	 */
	public Mono<Map<MemberDay, CapUsage>> capUsages(Collection<MemberDay> keys, Collection<RuleVersion> rules) {
		Map<String, PointsCategory> categories = cappedCategories(rules);
		if (categories.isEmpty() || keys.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.repository.sums(keys, categories.keySet()).collectList().map((rows) -> {
			Map<MemberDay, CapUsage> usages = new HashMap<>();
			for (var row : rows) {
				// A code keeps its category, so the magnitude of the sum is the sum of
				// the magnitudes.
				LedgerRepository.CodeSums sums = row.sums();
				// The query asked for these codes only.
				BigDecimal sign = sign(Objects.requireNonNull(categories.get(sums.ruleCode())).sign());
				usages.put(row.key(),
						usages.getOrDefault(row.key(), CapUsage.NONE)
							.with(sums.ruleCode(), new PeriodTotals(sums.day().multiply(sign),
									sums.month().multiply(sign), sums.year().multiply(sign))));
			}
			return usages;
		});
	}

	private static Map<String, PointsCategory> cappedCategories(Collection<RuleVersion> rules) {
		return rules.stream()
			.filter((rule) -> rule.caps().perDay() != null || rule.caps().perMonth() != null
					|| rule.caps().perYear() != null)
			.collect(Collectors.toMap(RuleVersion::code, RuleVersion::category, (a, b) -> a));
	}

	/**
	 * Appends awards of scoring in one statement, each unless an award of its event and
	 * rule code is there already, and adds them to their members' balances of their years
	 * in the same statement: the balances always equal the sums of the entries. How many
	 * were appended.
	 */
	public Mono<Long> appendAwards(List<LedgerEntry> awards, Instant now) {
		if (awards.stream().anyMatch((entry) -> entry.kind() != EntryKind.AWARD)) {
			return Mono.error(new IllegalArgumentException("Only awards are appended together"));
		}
		return this.repository.appendAwards(awards, now);
	}

	/**
	 * Appends the entries, each unless an entry with its key (event and rule code; for
	 * compensations also the recalculation) is there already, and adds each appended
	 * entry to its member's balance of its year in the same statement: the balance always
	 * equals the sum of the entries.
	 * @return the entries appended
	 */
	public Mono<List<RecordedEntry>> append(Collection<LedgerEntry> entries, @Nullable UUID recalculationId,
			Instant now) {
		return Flux.fromIterable(entries)
			.concatMap((entry) -> this.repository.append(entry, recalculationId, now)
				.map((id) -> new RecordedEntry(id, entry, recalculationId, now)))
			.collectList();
	}

	/** The member's entries of a year, in the order they were appended. */
	public Flux<LedgerEntry> entriesOf(String memberId, int year) {
		return this.reads.entriesOf(memberId, year);
	}

	/** The entries of one event. */
	public Flux<RecordedEntry> entriesOfEvent(String eventId) {
		return this.reads.entriesOfEvent(eventId);
	}

	private static BigDecimal sign(int sign) {
		return BigDecimal.valueOf(sign);
	}

}
