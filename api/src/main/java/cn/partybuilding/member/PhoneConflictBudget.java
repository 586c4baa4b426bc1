package cn.partybuilding.member;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import cn.partybuilding.audit.AuditEntry;
import cn.partybuilding.audit.AuditLog;
import cn.partybuilding.security.Caller;
import cn.partybuilding.system.BusinessTime;
import cn.partybuilding.system.PartySettings;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.TooManyRequests;

/**
 * Rations the answers "this phone number is taken" about accounts outside the caller's
 * subtree. Without a ration, an administrator who sees a masked number (138****0000)
 * could import one file of its 10,000 candidates, with a broken line so nothing is
 * stored, and read which line the answer calls taken: the hidden digits.
 * <p>
 * Every such conflict, from imports and registrations alike, is written to the audit log
 * (the org unit and the line or the source, never the number), and the entries the
 * administrator caused since the start of the local day are the count: at most
 * {@code party.registration.outside-phone-conflicts-per-day} (20). A request whose
 * conflicts would go beyond that is refused as a whole ({@code PHONE_CONFLICT_LIMIT},
 * 429, until the next local day), without saying which lines, and the refusal closes the
 * administrator's day: every later import and registration of theirs that day is refused
 * too, whatever it holds. A refusal that depended on the file would itself answer "one of
 * these numbers is taken", a bit per request at no cost, and some fourteen halvings of
 * 10,000 candidates find the one. So a prober learns at most 20 numbers a day, each one
 * in the audit log, and once that the next file held more than were left.
 * <p>
 * The count and the entries live in a transaction of their own, taken under a lock per
 * administrator, so parallel requests never spend the same allowance twice, and so a
 * request's failure does not roll its spending back: an import that reports taken numbers
 * answers 422, and a registration of a taken number 409.
 */
@Service
class PhoneConflictBudget {

	static final String CONFLICT = "PHONE_CONFLICT_OUTSIDE_SCOPE";

	static final String REFUSED = "PHONE_CONFLICT_LIMIT_REACHED";

	private final AuditLog audit;

	private final DatabaseClient db;

	private final TransactionalOperator ownTransaction;

	private final BusinessTime time;

	private final int perDay;

	PhoneConflictBudget(AuditLog audit, DatabaseClient db, ReactiveTransactionManager transactions, BusinessTime time,
			PartySettings settings) {
		this.audit = audit;
		this.db = db;
		this.ownTransaction = TransactionalOperator.create(transactions,
				new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
		this.time = time;
		this.perDay = settings.registration().outsidePhoneConflictsPerDay();
	}

	/**
	 * Refuses when the caller's day is closed; checked before a request that may enter
	 * phone numbers.
	 */
	Mono<Void> requireOpen(Caller caller, UUID orgId, String source) {
		Instant today = startOfToday();
		return this.audit.count(caller.id(), REFUSED, today)
			.flatMap((refusals) -> (refusals == 0) ? Mono.<Void>empty() : refuse(caller, orgId, source));
	}

	/**
	 * Spends the allowance on the request's conflicts outside the caller's subtree (the
	 * details of each, e.g. its line), or refuses the request when they do not fit in
	 * what is left of the day.
	 */
	Mono<Void> spend(Caller caller, UUID orgId, String source, List<Map<String, String>> conflicts) {
		if (conflicts.isEmpty()) {
			return requireOpen(caller, orgId, source);
		}
		Instant today = startOfToday();
		Mono<Boolean> spent = this.db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
			.bind("lock", "phone-conflicts:" + caller.id())
			.then()
			.then(this.audit.count(caller.id(), REFUSED, today))
			.zipWhen((refusals) -> this.audit.count(caller.id(), CONFLICT, today))
			.flatMap((counts) -> {
				if (counts.getT1() > 0 || counts.getT2() + conflicts.size() > this.perDay) {
					return this.audit.record(entry(caller, orgId, REFUSED, Map.of("source", source))).thenReturn(false);
				}
				return Flux.fromIterable(conflicts)
					.concatMap((details) -> this.audit.record(entry(caller, orgId, CONFLICT, details)))
					.then(Mono.just(true));
			})
			.as(this.ownTransaction::transactional);
		return spent.flatMap((fits) -> fits ? Mono.<Void>empty() : Mono.error(limitReached()));
	}

	private Mono<Void> refuse(Caller caller, UUID orgId, String source) {
		return this.audit.record(entry(caller, orgId, REFUSED, Map.of("source", source)))
			.as(this.ownTransaction::transactional)
			.then(Mono.error(this::limitReached));
	}

	private TooManyRequests limitReached() {
		Instant tomorrow = this.time.endOf(this.time.today());
		return new TooManyRequests(ErrorCode.PHONE_CONFLICT_LIMIT, Duration.between(this.time.now(), tomorrow),
				this.perDay);
	}

	private Instant startOfToday() {
		return this.time.startOf(this.time.today());
	}

	private static AuditEntry entry(Caller caller, UUID orgId, String action, Map<String, String> details) {
		return new AuditEntry(caller.id(), action, "ORG", orgId.toString(), orgId, details);
	}

}
