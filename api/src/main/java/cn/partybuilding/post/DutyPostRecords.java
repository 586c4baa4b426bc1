package cn.partybuilding.post;

import java.time.Clock;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Duty posts given in full — the demo district's — stored by their ids, so loading them
 * again changes nothing. No scope checks: callers are loaders, not requests; a holder
 * must still be an active member of the post's subtree.
 */
@Service
public class DutyPostRecords {

	private final DutyPostRepository repository;

	private final Clock clock;

	DutyPostRecords(DutyPostRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Sets up the post unless one with its id exists, and gives it to the holders who do
	 * not hold it yet.
	 */
	public Mono<Void> post(UUID id, UUID orgId, String name, String duties, UUID createdBy, UUID... holders) {
		return this.repository.insert(new DutyPost(id, orgId, name, duties, createdBy, this.clock.instant()))
			.thenMany(Flux.fromArray(holders)
				.concatMap((member) -> this.repository.assign(id, orgId, member, createdBy, this.clock.instant())))
			.then();
	}

}
