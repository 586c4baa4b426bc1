package cn.partybuilding.points.ranking;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import cn.partybuilding.points.core.Grade;
import cn.partybuilding.points.core.GradingScheme;

/**
 * A stored 民主评议 of an org subtree for a year: the scheme used and how many members got
 * each grade.
 *
 * @param id the evaluation
 * @param orgId the org whose subtree was evaluated
 * @param year the points year
 * @param scheme the thresholds and largest share of excellent used
 * @param evaluatedAt when the grades were computed
 * @param counts members per grade (every grade present, 0 when none)
 */
public record Evaluation(UUID id, UUID orgId, int year, GradingScheme scheme, Instant evaluatedAt,
		Map<Grade, Integer> counts) {

	public Evaluation {
		EnumMap<Grade, Integer> all = new EnumMap<>(Grade.class);
		for (Grade grade : Grade.values()) {
			all.put(grade, counts.getOrDefault(grade, 0));
		}
		counts = Map.copyOf(all);
	}

	/** How many members were graded. */
	public int members() {
		return this.counts.values().stream().mapToInt(Integer::intValue).sum();
	}

}
