package cn.partybuilding.points.ranking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.points.core.GradingScheme;
import cn.partybuilding.points.core.MemberPoints;
import cn.partybuilding.points.roster.RosterNames;

/**
 * 民主评议 from points: every active member of an org subtree graded by the core's
 * {@link GradingScheme} and stored with the scheme; evaluating the same org and year
 * again replaces the grades.
 */
@Service
public class Evaluations {

	private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

	private final BoardRepository board;

	private final EvaluationRepository evaluations;

	private final RosterNames names;

	private final TransactionalOperator transactions;

	private final Clock clock;

	Evaluations(BoardRepository board, EvaluationRepository evaluations, RosterNames names,
			TransactionalOperator transactions, Clock clock) {
		this.board = board;
		this.evaluations = evaluations;
		this.names = names;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Grades the members of the org's subtree by their points of the year and stores the
	 * grades.
	 */
	public Mono<Evaluation> evaluate(UUID orgId, int year, GradingScheme scheme, UUID evaluatedBy) {
		Instant now = this.clock.instant();
		return this.evaluations.upsert(IDS.generate(), orgId, year, scheme, evaluatedBy, now)
			.flatMap((id) -> this.board.all(orgId, year)
				.map((place) -> new MemberPoints(place.memberId().toString(), "", place.points()))
				.collectList()
				.map(scheme::grade)
				.flatMap((graded) -> this.evaluations.replaceGrades(id, graded)))
			.then(this.evaluations.find(orgId, year))
			.as(this.transactions::transactional);
	}

	/** The stored evaluation of the org and year, if there is one. */
	public Mono<Evaluation> find(UUID orgId, int year) {
		return this.evaluations.find(orgId, year);
	}

	/**
	 * Up to {@code limit} grades of the evaluation, most points first, after
	 * {@code after}, with names.
	 */
	public Mono<List<GradedRow>> grades(UUID evaluationId, @Nullable GradePosition after, int limit) {
		return this.evaluations.grades(evaluationId, after, limit)
			.collectList()
			.flatMap((rows) -> this.names.namesOf(rows.stream().map(GradedRow::memberId).toList())
				.map((named) -> rows.stream()
					.map((row) -> new GradedRow(row.memberId(), named.getOrDefault(row.memberId(), ""), row.points(),
							row.grade()))
					.toList()));
	}

}
