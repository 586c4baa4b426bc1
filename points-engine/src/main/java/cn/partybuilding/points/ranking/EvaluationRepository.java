package cn.partybuilding.points.ranking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.points.core.Grade;
import cn.partybuilding.points.core.GradedMember;
import cn.partybuilding.points.core.GradingScheme;

/** {@code points_evaluations} and their grades. */
@Repository
class EvaluationRepository {

	private final DatabaseClient db;

	EvaluationRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Creates or takes over (locking it) the evaluation of the org and year; its id. */
	Mono<UUID> upsert(UUID newId, UUID orgId, int year, GradingScheme scheme, UUID by, Instant now) {
		return this.db.sql("""
				INSERT INTO points_evaluations (id, org_id, year, excellent_from, qualified_from, basic_from,
				                                max_excellent_share, evaluated_by, evaluated_at)
				VALUES (:id, :org, :year, :excellent, :qualified, :basic, :share, :by, :now)
				ON CONFLICT (org_id, year) DO UPDATE SET excellent_from = excluded.excellent_from,
				       qualified_from = excluded.qualified_from, basic_from = excluded.basic_from,
				       max_excellent_share = excluded.max_excellent_share, evaluated_by = excluded.evaluated_by,
				       evaluated_at = excluded.evaluated_at
				RETURNING id""")
			.bind("id", newId)
			.bind("org", orgId)
			.bind("year", year)
			.bind("excellent", scheme.excellentFrom())
			.bind("qualified", scheme.qualifiedFrom())
			.bind("basic", scheme.basicFrom())
			.bind("share", scheme.maxExcellentShare())
			.bind("by", by)
			.bind("now", now)
			.map((row) -> row.get("id", UUID.class))
			.one();
	}

	Mono<Void> replaceGrades(UUID evaluationId, List<GradedMember> graded) {
		Mono<Void> delete = this.db.sql("DELETE FROM points_evaluation_grades WHERE evaluation_id = :id")
			.bind("id", evaluationId)
			.then();
		if (graded.isEmpty()) {
			return delete;
		}
		return delete.then(this.db
			.sql("""
					INSERT INTO points_evaluation_grades (evaluation_id, member_id, points, grade)
					SELECT :id, m, CAST(p AS numeric), g
					FROM unnest(CAST(:members AS uuid[]), CAST(:points AS text[]), CAST(:grades AS text[])) AS t(m, p, g)""")
			.bind("id", evaluationId)
			.bind("members", graded.stream().map((m) -> UUID.fromString(m.memberId())).toArray(UUID[]::new))
			.bind("points", graded.stream().map((m) -> m.points().toPlainString()).toArray(String[]::new))
			.bind("grades", graded.stream().map((m) -> m.grade().name()).toArray(String[]::new))
			.then());
	}

	Mono<Evaluation> find(UUID orgId, int year) {
		return this.db.sql("""
				SELECT id, org_id, year, excellent_from, qualified_from, basic_from, max_excellent_share, evaluated_at
				FROM points_evaluations WHERE org_id = :org AND year = :year""")
			.bind("org", orgId)
			.bind("year", year)
			.map(EvaluationRepository::header)
			.one()
			.flatMap((header) -> counts(header.id()).map((counts) -> new Evaluation(header.id(), orgId, year,
					header.scheme(), header.evaluatedAt(), counts)));
	}

	Flux<GradedRow> grades(UUID evaluationId, @Nullable GradePosition after, int limit) {
		String position = (after != null)
				? "AND (points < :afterPoints OR (points = :afterPoints AND member_id > :afterMember)) " : "";
		var spec = this.db
			.sql("SELECT member_id, points, grade FROM points_evaluation_grades WHERE evaluation_id = :id " + position
					+ "ORDER BY points DESC, member_id LIMIT :limit")
			.bind("id", evaluationId)
			.bind("limit", limit);
		if (after != null) {
			spec = spec.bind("afterPoints", after.points()).bind("afterMember", after.memberId());
		}
		return spec
			.map((row) -> new GradedRow(row.get("member_id", UUID.class), "", row.get("points", BigDecimal.class),
					Grade.valueOf(row.get("grade", String.class))))
			.all();
	}

	private Mono<Map<Grade, Integer>> counts(UUID evaluationId) {
		return this.db
			.sql("SELECT grade, count(*) AS members FROM points_evaluation_grades WHERE evaluation_id = :id "
					+ "GROUP BY grade")
			.bind("id", evaluationId)
			.map((row) -> Map.entry(Grade.valueOf(row.get("grade", String.class)),
					row.get("members", Long.class).intValue()))
			.all()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static Header header(Readable row) {
		return new Header(row.get("id", UUID.class),
				new GradingScheme(row.get("excellent_from", BigDecimal.class),
						row.get("qualified_from", BigDecimal.class), row.get("basic_from", BigDecimal.class),
						row.get("max_excellent_share", BigDecimal.class)),
				row.get("evaluated_at", Instant.class));
	}

	private record Header(UUID id, GradingScheme scheme, Instant evaluatedAt) {
	}

}
