package cn.partybuilding.points.core;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** Why a new or changed rule version cannot go into the rule book. */
public sealed interface RuleViolation {

	/**
	 * Whether the version clashes with other versions (a conflict) rather than being
	 * malformed itself.
	 */
	default boolean isConflict() {
		return !(this instanceof InvalidField);
	}

	/** A field of the version has a value no rule may have. */
	record InvalidField(String field, String problem) implements RuleViolation {
	}

	/** The version's dates share a day with another version of the same code. */
	record OverlapsVersion(String otherVersionId, LocalDate otherFrom,
			@Nullable LocalDate otherTo) implements RuleViolation {
	}

	/**
	 * The version's category differs from another version of the same code (a code keeps
	 * its sign).
	 */
	record ChangesCategory(String otherVersionId, PointsCategory otherCategory) implements RuleViolation {
	}

}
