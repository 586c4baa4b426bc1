package cn.partybuilding.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;

import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * Imports a roster file for an org unit, all or nothing: every line is checked first and every mistake reported
 * (422 with {@code errors[{line, field, message}]}); only a file without mistakes is stored, in one transaction.
 * Nothing of the file is read before the caller is known to administer the unit, and then it is read as it arrives.
 */
@Service
class RosterImport {

	private final AccessPolicy access;

	private final RosterStore store;

	private final Clock clock;

	RosterImport(AccessPolicy access, RosterStore store, Clock clock) {
		this.access = access;
		this.store = store;
		this.clock = clock;
	}

	Mono<Integer> importFile(Caller caller, UUID orgId, Flux<DataBuffer> file) {
		return this.access.require(caller, orgId, Role.ORG_ADMIN).flatMap((unit) -> RosterFile.read(file)
			.flatMap((rows) -> Mono.zip(this.store.branchesUnder(unit.id()), this.store.takenPhones(RosterChecks.phones(rows)))
				.flatMap((found) -> {
					RosterChecks.Outcome outcome = RosterChecks.check(rows, found.getT1(), found.getT2(),
							LocalDate.now(this.clock));
					if (!outcome.violations().isEmpty()) {
						List<Violation> sorted = outcome.violations()
							.stream()
							.sorted(Comparator.comparing(Violation::line))
							.toList();
						return Mono.error(new DomainException(ErrorCode.IMPORT_INVALID, sorted, Map.of()));
					}
					return this.store.registerAll(outcome.members()).thenReturn(outcome.members().size());
				})));
	}

}
