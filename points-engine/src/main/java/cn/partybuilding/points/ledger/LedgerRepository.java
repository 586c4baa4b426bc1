package cn.partybuilding.points.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.points.SqlParameters;
import cn.partybuilding.points.core.CapPeriod;
import cn.partybuilding.points.core.LedgerEntry;

/**
 * Appends to {@code points_ledger} (insert only: the ledger is append-only) and keeps
 * {@code points_balances} in the same statements; the members' locks and the sums that
 * caps are checked against.
 */
@Repository
class LedgerRepository {

	/** The advisory lock namespace of a member's points (rule changes use another). */
	private static final int MEMBER_LOCK = 0x504E544D;

	private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

	private final DatabaseClient db;

	LedgerRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> lockMember(String memberId) {
		return this.db.sql("SELECT pg_advisory_xact_lock(:ns, hashtext(:member))")
			.bind("ns", MEMBER_LOCK)
			.bind("member", memberId)
			.then();
	}

	/**
	 * Takes the locks of several members in one statement, in the order of their lock
	 * keys, so that two transactions locking overlapping sets never wait for each other
	 * in a cycle.
	 */
	Mono<Void> lockMembers(Collection<String> memberIds) {
		return this.db
			.sql("""
					SELECT count(pg_advisory_xact_lock(:ns, k)) AS locked
					FROM (SELECT DISTINCT hashtext(m) AS k FROM unnest(CAST(:members AS text[])) AS m ORDER BY k) AS keys""")
			.bind("ns", MEMBER_LOCK)
			.bind("members", memberIds.toArray(String[]::new))
			.then();
	}

	/**
	 * Signed sums of rule codes' entries in the day, the month and the year around a
	 * date, for many members (each around a date of its own) in one query: a row for each
	 * (member, date, code) that has entries.
	 */
	Flux<MemberCodeSums> sums(Collection<MemberDay> keys, Collection<String> codes) {
		List<MemberDay> list = List.copyOf(keys);
		return this.db.sql("""
				SELECT k.member_id, k.on_day, l.rule_code,
				       coalesce(sum(l.points) FILTER (WHERE l.local_date = k.on_day), 0) AS day,
				       coalesce(sum(l.points) FILTER (WHERE l.local_date >= k.month_start
				                                        AND l.local_date < k.next_month), 0) AS month,
				       coalesce(sum(l.points), 0) AS year
				FROM unnest(CAST(:members AS uuid[]), CAST(:days AS date[]), CAST(:months AS date[]),
				            CAST(:nextMonths AS date[]), CAST(:years AS int[]))
				     AS k(member_id, on_day, month_start, next_month, on_year)
				JOIN points_ledger l ON l.member_id = k.member_id AND l.year = k.on_year AND l.rule_code = ANY(:codes)
				GROUP BY k.member_id, k.on_day, l.rule_code""")
			.bind("members", list.stream().map((key) -> UUID.fromString(key.memberId())).toArray(UUID[]::new))
			.bind("days", list.stream().map(MemberDay::date).toArray(LocalDate[]::new))
			.bind("months", list.stream().map((key) -> CapPeriod.MONTH.start(key.date())).toArray(LocalDate[]::new))
			.bind("nextMonths",
					list.stream()
						.map((key) -> CapPeriod.MONTH.start(key.date()).plusMonths(1))
						.toArray(LocalDate[]::new))
			.bind("years", list.stream().map((key) -> key.date().getYear()).toArray(Integer[]::new))
			.bind("codes", codes.toArray(String[]::new))
			.map((row) -> new MemberCodeSums(
					new MemberDay(row.get("member_id", UUID.class).toString(), row.get("on_day", LocalDate.class)),
					new CodeSums(row.get("rule_code", String.class), row.get("day", BigDecimal.class),
							row.get("month", BigDecimal.class), row.get("year", BigDecimal.class))))
			.all();
	}

	/**
	 * Appends awards in one statement, each unless its key is there already, and adds
	 * them to their members' balances of their years in the same statement; how many were
	 * appended.
	 */
	Mono<Long> appendAwards(List<LedgerEntry> entries, Instant now) {
		if (entries.isEmpty()) {
			return Mono.just(0L);
		}
		return this.db.sql("""
				WITH entry AS (
				    INSERT INTO points_ledger (%s)
				    SELECT i, m, k, e, t, c, v, g, y, d, CAST(o AS timestamptz), CAST(p AS numeric), CAST(r AS numeric),
				           b, why, NULL, :now
				    FROM unnest(CAST(:ids AS uuid[]), CAST(:members AS uuid[]), CAST(:kinds AS text[]),
				                CAST(:eventIds AS text[]), CAST(:eventTypes AS text[]), CAST(:codes AS text[]),
				                CAST(:versions AS text[]), CAST(:categories AS text[]), CAST(:years AS int[]),
				                CAST(:dates AS date[]), CAST(:occurredAt AS text[]), CAST(:points AS text[]),
				                CAST(:requested AS text[]), CAST(:cappedBy AS text[]), CAST(:reasons AS text[]))
				         AS n(i, m, k, e, t, c, v, g, y, d, o, p, r, b, why)
				    ON CONFLICT DO NOTHING
				    RETURNING member_id, year, category, points, recorded_at),
				balance AS (
				    INSERT INTO points_balances (member_id, year, basic, bonus, deduction, total, updated_at)
				    SELECT member_id, year, sum(CASE WHEN category = 'BASIC' THEN points ELSE 0 END),
				           sum(CASE WHEN category = 'BONUS' THEN points ELSE 0 END),
				           sum(CASE WHEN category = 'DEDUCTION' THEN points ELSE 0 END), sum(points), max(recorded_at)
				    FROM entry
				    GROUP BY member_id, year
				    ON CONFLICT (member_id, year) DO UPDATE SET basic = points_balances.basic + excluded.basic,
				           bonus = points_balances.bonus + excluded.bonus,
				           deduction = points_balances.deduction + excluded.deduction,
				           total = points_balances.total + excluded.total, updated_at = excluded.updated_at)
				SELECT count(*) AS n FROM entry""".formatted(LedgerRows.COLUMNS))
			.bind("ids", entries.stream().map((entry) -> IDS.generate()).toArray(UUID[]::new))
			.bind("members", entries.stream().map((entry) -> UUID.fromString(entry.memberId())).toArray(UUID[]::new))
			.bind("kinds", SqlParameters.texts(entries, (entry) -> entry.kind().name()))
			.bind("eventIds", SqlParameters.texts(entries, LedgerEntry::eventId))
			.bind("eventTypes", SqlParameters.texts(entries, (entry) -> entry.eventType().name()))
			.bind("codes", SqlParameters.texts(entries, LedgerEntry::ruleCode))
			.bind("versions", SqlParameters.texts(entries, LedgerEntry::ruleVersionId))
			.bind("categories", SqlParameters.texts(entries, (entry) -> entry.category().name()))
			.bind("years", entries.stream().map(LedgerEntry::year).toArray(Integer[]::new))
			.bind("dates", entries.stream().map(LedgerEntry::localDate).toArray(LocalDate[]::new))
			.bind("occurredAt", SqlParameters.texts(entries, (entry) -> entry.occurredAt().toString()))
			.bind("points", SqlParameters.texts(entries, (entry) -> entry.points().toPlainString()))
			.bind("requested", SqlParameters.texts(entries, (entry) -> entry.requested().toPlainString()))
			.bind("cappedBy",
					SqlParameters.texts(entries,
							(entry) -> (entry.cappedBy() != null) ? entry.cappedBy().name() : null))
			.bind("reasons", SqlParameters.texts(entries, LedgerEntry::reason))
			.bind("now", now)
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	/**
	 * Appends the entry unless one with its key is there already, and adds it to the
	 * member's balance of its year, in one statement; the new entry's id, or empty when
	 * it was there already.
	 */
	Mono<UUID> append(LedgerEntry entry, @Nullable UUID recalculationId, Instant now) {
		UUID id = IDS.generate();
		return this.db.sql("""
				WITH entry AS (
				    INSERT INTO points_ledger (%s)
				    VALUES (:id, :member, :kind, :eventId, :eventType, :ruleCode, :ruleVersionId, :category, :year,
				            :date, :occurredAt, :points, :requested, :cappedBy, :reason, :recalculation, :now)
				    ON CONFLICT DO NOTHING
				    RETURNING id, member_id, year, category, points, recorded_at),
				balance AS (
				    INSERT INTO points_balances (member_id, year, basic, bonus, deduction, total, updated_at)
				    SELECT member_id, year, CASE WHEN category = 'BASIC' THEN points ELSE 0 END,
				           CASE WHEN category = 'BONUS' THEN points ELSE 0 END,
				           CASE WHEN category = 'DEDUCTION' THEN points ELSE 0 END, points, recorded_at
				    FROM entry
				    ON CONFLICT (member_id, year) DO UPDATE SET basic = points_balances.basic + excluded.basic,
				           bonus = points_balances.bonus + excluded.bonus,
				           deduction = points_balances.deduction + excluded.deduction,
				           total = points_balances.total + excluded.total, updated_at = excluded.updated_at)
				SELECT id FROM entry""".formatted(LedgerRows.COLUMNS))
			.bind("id", id)
			.bind("member", UUID.fromString(entry.memberId()))
			.bind("kind", entry.kind().name())
			.bind("eventId", entry.eventId())
			.bind("eventType", entry.eventType().name())
			.bind("ruleCode", entry.ruleCode())
			.bind("ruleVersionId", entry.ruleVersionId())
			.bind("category", entry.category().name())
			.bind("year", entry.year())
			.bind("date", entry.localDate())
			.bind("occurredAt", entry.occurredAt())
			.bind("points", entry.points())
			.bind("requested", entry.requested())
			.bind("cappedBy",
					SqlParameters.nullable((entry.cappedBy() != null) ? entry.cappedBy().name() : null, String.class))
			.bind("reason", entry.reason())
			.bind("recalculation", SqlParameters.nullable(recalculationId, UUID.class))
			.bind("now", now)
			.map((row) -> row.get("id", UUID.class))
			.one();
	}

	/** Signed sums of one rule code's entries around a date. */
	record CodeSums(String ruleCode, BigDecimal day, BigDecimal month, BigDecimal year) {
	}

	/** The sums of one member's rule code around a date. */
	record MemberCodeSums(MemberDay key, CodeSums sums) {
	}

}
