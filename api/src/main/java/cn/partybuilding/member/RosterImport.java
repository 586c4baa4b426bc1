package cn.partybuilding.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;

import cn.partybuilding.member.PhoneConflicts.Taken;
import cn.partybuilding.member.RosterFile.ImportRow;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * Imports a roster file for an org unit, all or nothing: every line is checked first and
 * every mistake reported (422 with {@code errors[{line, field, message}]}); only a file
 * without mistakes is stored, in one transaction. Nothing of the file is read before the
 * caller is known to administer the unit, and then it is read as it arrives. Phone
 * numbers taken outside the caller's subtree are reported like the others, within the
 * caller's daily allowance ({@link PhoneConflictBudget}).
 */
@Service
class RosterImport {

	static final String SOURCE = "import";

	private final AccessPolicy access;

	private final RosterStore store;

	private final PhoneConflicts conflicts;

	private final PhoneConflictBudget budget;

	private final Clock clock;

	RosterImport(AccessPolicy access, RosterStore store, PhoneConflicts conflicts, PhoneConflictBudget budget,
			Clock clock) {
		this.access = access;
		this.store = store;
		this.conflicts = conflicts;
		this.budget = budget;
		this.clock = clock;
	}

	Mono<Integer> importFile(Caller caller, UUID orgId, Flux<DataBuffer> file) {
		return this.access.require(caller, orgId, Role.ORG_ADMIN)
			.flatMap((unit) -> this.budget.requireOpen(caller, unit.id(), SOURCE)
				.then(RosterFile.read(file))
				.flatMap((rows) -> Mono
					.zip(this.store.branchesUnder(unit.id()), this.conflicts.taken(caller, RosterChecks.phones(rows)))
					.flatMap((found) -> spend(caller, unit.id(), rows, found.getT2())
						.then(Mono.defer(() -> store(rows, found.getT1(), found.getT2()))))));
	}

	/**
	 * Counts the numbers the answer will call taken that are held outside the caller's
	 * subtree.
	 */
	private Mono<Void> spend(Caller caller, UUID orgId, List<ImportRow> rows, Taken taken) {
		List<Map<String, String>> outside = RosterChecks.takenLines(rows, taken.outside())
			.stream()
			.map((line) -> Map.of("source", SOURCE, "line", Integer.toString(line)))
			.toList();
		return outside.isEmpty() ? Mono.empty() : this.budget.spend(caller, orgId, SOURCE, outside);
	}

	private Mono<Integer> store(List<ImportRow> rows, Set<UUID> branches, Taken taken) {
		RosterChecks.Outcome outcome = RosterChecks.check(rows, branches, taken.all(), LocalDate.now(this.clock));
		if (!outcome.violations().isEmpty()) {
			List<Violation> sorted = outcome.violations()
				.stream()
				.sorted(Comparator.comparing(Violation::line))
				.toList();
			return Mono.error(new DomainException(ErrorCode.IMPORT_INVALID, sorted, Map.of()));
		}
		return this.store.registerAll(outcome.members()).thenReturn(outcome.members().size());
	}

}
