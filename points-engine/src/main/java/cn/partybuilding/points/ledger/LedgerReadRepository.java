package cn.partybuilding.points.ledger;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.points.core.Balance;
import cn.partybuilding.points.core.LedgerEntry;

/**
 * Reads {@code points_ledger} and {@code points_balances}: members' entries, statements
 * and balances.
 */
@Repository
class LedgerReadRepository {

	private final DatabaseClient db;

	LedgerReadRepository(DatabaseClient db) {
		this.db = db;
	}

	/** A member's entries of a year in the order they were appended. */
	Flux<LedgerEntry> entriesOf(String memberId, int year) {
		return this.db
			.sql("SELECT " + LedgerRows.COLUMNS + " FROM points_ledger WHERE member_id = :member AND year = :year "
					+ "ORDER BY recorded_at, id")
			.bind("member", UUID.fromString(memberId))
			.bind("year", year)
			.map((row) -> LedgerRows.recorded(row).entry())
			.all();
	}

	Flux<RecordedEntry> entriesOfEvent(String eventId) {
		return this.db.sql("SELECT " + LedgerRows.COLUMNS + " FROM points_ledger WHERE event_id = :eventId ORDER BY id")
			.bind("eventId", eventId)
			.map(LedgerRows::recorded)
			.all();
	}

	Flux<RecordedEntry> statement(UUID memberId, int year, @Nullable StatementPosition after, int limit) {
		String position = (after != null) ? "AND (occurred_at, id) < (:afterAt, :afterId) " : "";
		var spec = this.db
			.sql("SELECT " + LedgerRows.COLUMNS + " FROM points_ledger WHERE member_id = :member AND year = :year "
					+ position + "ORDER BY occurred_at DESC, id DESC LIMIT :limit")
			.bind("member", memberId)
			.bind("year", year)
			.bind("limit", limit);
		if (after != null) {
			spec = spec.bind("afterAt", after.occurredAt()).bind("afterId", after.id());
		}
		return spec.map(LedgerRows::recorded).all();
	}

	Mono<Balance> balance(UUID memberId, int year) {
		return this.db
			.sql("SELECT basic, bonus, deduction FROM points_balances WHERE member_id = :member " + "AND year = :year")
			.bind("member", memberId)
			.bind("year", year)
			.map((row) -> new Balance(year, row.get("basic", BigDecimal.class), row.get("bonus", BigDecimal.class),
					row.get("deduction", BigDecimal.class)))
			.one();
	}

}
