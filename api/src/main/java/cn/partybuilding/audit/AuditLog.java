package cn.partybuilding.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.system.Ids;

/**
 * Appends to the audit log, in the caller's transaction: an entry is kept exactly when
 * the change it records is. Nothing is ever changed or deleted.
 */
@Service
public class AuditLog {

	private final AuditLogRepository repository;

	private final Clock clock;

	AuditLog(AuditLogRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	public Mono<Void> record(AuditEntry entry) {
		return this.repository.append(Ids.newId(), this.clock.instant(), entry);
	}

	/** How many entries of {@code action} {@code actorId} caused since {@code since}. */
	public Mono<Long> count(UUID actorId, String action, Instant since) {
		return this.repository.count(actorId, action, since);
	}

}
