package cn.partybuilding.points.ledger;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.points.core.Balance;
import cn.partybuilding.points.core.Points;

/**
 * What a member's points are and how they came about: the yearly balance and the entries
 * behind it.
 */
@Service
public class PointsStatements {

	private final LedgerReadRepository repository;

	PointsStatements(LedgerReadRepository repository) {
		this.repository = repository;
	}

	/** The member's balance of a year; all zero when nothing was scored. */
	public Mono<Balance> balance(UUID memberId, int year) {
		return this.repository.balance(memberId, year)
			.defaultIfEmpty(new Balance(year, Points.ZERO, Points.ZERO, Points.ZERO));
	}

	/**
	 * Up to {@code limit} entries of the member's year, newest first (by the time of
	 * their event, then by id), strictly after {@code after} when given. The entries of a
	 * year sum to its balance.
	 */
	public Flux<RecordedEntry> entries(UUID memberId, int year, @Nullable StatementPosition after, int limit) {
		return this.repository.statement(memberId, year, after, limit);
	}

}
