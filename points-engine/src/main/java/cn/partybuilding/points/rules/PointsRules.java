package cn.partybuilding.points.rules;

import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.points.core.RuleBook;
import cn.partybuilding.points.core.RuleChange;
import cn.partybuilding.points.core.RuleVersion;

/**
 * The rule book in force and the way to change it. The book is held in memory and
 * reloaded whenever the stored revision moved, which every read checks with one cheap
 * query, so a change made on any instance counts everywhere from the next read. Changes
 * are checked by the core ({@link RuleBook#put}) against the stored versions under a
 * lock, so two concurrent changes cannot together break the rule that versions of one
 * code never overlap.
 */
@Service
public class PointsRules {

	private final RuleRepository repository;

	private final TransactionalOperator transactions;

	private volatile @Nullable Snapshot snapshot;

	PointsRules(RuleRepository repository, TransactionalOperator transactions) {
		this.repository = repository;
		this.transactions = transactions;
	}

	/** The current rule book. */
	public Mono<RuleBook> book() {
		return this.repository.revision().flatMap((revision) -> {
			Snapshot held = this.snapshot;
			if (held != null && held.revision() == revision) {
				return Mono.just(held.book());
			}
			return this.repository.all().collectList().map((versions) -> {
				Snapshot loaded = new Snapshot(revision, RuleBook.of(versions));
				this.snapshot = loaded;
				return loaded.book();
			});
		});
	}

	/** Adds a new version (of a new or an existing code), if the core accepts it. */
	public Mono<RuleChange> add(RuleVersion candidate) {
		return change((book) -> book.put(candidate), this.repository::insert).map(Optional::orElseThrow);
	}

	/**
	 * Replaces the version with the candidate's id, if there is one and the core accepts
	 * the change; empty when there is no such version. Past entries stay as they are
	 * until a recalculation is asked for.
	 */
	public Mono<Optional<RuleChange>> replace(RuleVersion candidate) {
		return change((book) -> book.version(candidate.id()).isPresent() ? book.put(candidate) : null,
				this.repository::update);
	}

	private Mono<Optional<RuleChange>> change(Function<RuleBook, @Nullable RuleChange> decide,
			Function<RuleVersion, Mono<Void>> store) {
		return this.repository.lock().then(this.repository.all().collectList()).map(RuleBook::of).flatMap((book) -> {
			RuleChange change = decide.apply(book);
			if (change instanceof RuleChange.Accepted accepted) {
				return store.apply(accepted.version()).thenReturn(Optional.<RuleChange>of(change));
			}
			return Mono.just(Optional.ofNullable(change));
		}).as(this.transactions::transactional);
	}

	private record Snapshot(long revision, RuleBook book) {
	}

}
