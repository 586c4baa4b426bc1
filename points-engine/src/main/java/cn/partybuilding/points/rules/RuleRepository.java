package cn.partybuilding.points.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.points.DetailsJson;
import cn.partybuilding.points.SqlParameters;
import cn.partybuilding.points.core.AmountBasis;
import cn.partybuilding.points.core.CapPeriod;
import cn.partybuilding.points.core.Caps;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsCategory;
import cn.partybuilding.points.core.RuleVersion;

/**
 * The {@code points_rules} table and the revision counter that tells instances to reload.
 */
@Repository
class RuleRepository {

	/**
	 * The advisory lock namespace of rule changes (the scoring of members uses another).
	 */
	private static final int RULES_LOCK = 0x504E5452;

	private final DatabaseClient db;

	RuleRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<Long> revision() {
		return this.db.sql("SELECT revision FROM points_rule_revision")
			.map((row) -> row.get("revision", Long.class))
			.one();
	}

	Flux<RuleVersion> all() {
		return this.db.sql("""
				SELECT id, code, name, category, event_type, points, basis, match::text AS match, cap_per_day,
				       cap_per_month, cap_per_year, effective_from, effective_to
				FROM points_rules ORDER BY code, effective_from""").map(RuleRepository::version).all();
	}

	/**
	 * Serializes rule changes: taken first in the changing transaction, held until it
	 * ends.
	 */
	Mono<Void> lock() {
		return this.db.sql("SELECT pg_advisory_xact_lock(:ns, 0)").bind("ns", RULES_LOCK).then();
	}

	Mono<Void> insert(RuleVersion rule) {
		return bindAll(this.db.sql("""
				INSERT INTO points_rules (id, code, name, category, event_type, points, basis, match, cap_per_day,
				                          cap_per_month, cap_per_year, effective_from, effective_to)
				VALUES (:id, :code, :name, :category, :eventType, :points, :basis, CAST(:match AS jsonb), :capDay,
				        :capMonth, :capYear, :from, :to)"""), rule).then().then(bumpRevision());
	}

	Mono<Void> update(RuleVersion rule) {
		return bindAll(this.db.sql("""
				UPDATE points_rules SET code = :code, name = :name, category = :category, event_type = :eventType,
				       points = :points, basis = :basis, match = CAST(:match AS jsonb), cap_per_day = :capDay,
				       cap_per_month = :capMonth, cap_per_year = :capYear, effective_from = :from,
				       effective_to = :to, updated_at = now()
				WHERE id = :id"""), rule).then().then(bumpRevision());
	}

	private Mono<Void> bumpRevision() {
		return this.db.sql("UPDATE points_rule_revision SET revision = revision + 1").then();
	}

	private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, RuleVersion rule) {
		return spec.bind("id", rule.id())
			.bind("code", rule.code())
			.bind("name", rule.name())
			.bind("category", rule.category().name())
			.bind("eventType", rule.eventType().name())
			.bind("points", rule.points())
			.bind("basis", rule.basis().name())
			.bind("match", DetailsJson.write(rule.match()))
			.bind("capDay", SqlParameters.nullable(rule.caps().limit(CapPeriod.DAY).orElse(null), BigDecimal.class))
			.bind("capMonth", SqlParameters.nullable(rule.caps().limit(CapPeriod.MONTH).orElse(null), BigDecimal.class))
			.bind("capYear", SqlParameters.nullable(rule.caps().limit(CapPeriod.YEAR).orElse(null), BigDecimal.class))
			.bind("from", rule.effectiveFrom())
			.bind("to", SqlParameters.nullable(rule.effectiveTo(), LocalDate.class));
	}

	private static RuleVersion version(Readable row) {
		Caps caps = new Caps(row.get("cap_per_day", BigDecimal.class), row.get("cap_per_month", BigDecimal.class),
				row.get("cap_per_year", BigDecimal.class));
		return new RuleVersion(row.get("id", String.class), row.get("code", String.class),
				row.get("name", String.class), PointsCategory.valueOf(row.get("category", String.class)),
				EventType.valueOf(row.get("event_type", String.class)), row.get("points", BigDecimal.class),
				AmountBasis.valueOf(row.get("basis", String.class)), DetailsJson.read(row.get("match", String.class)),
				caps, row.get("effective_from", LocalDate.class), row.get("effective_to", LocalDate.class));
	}

}
