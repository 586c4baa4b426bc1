package cn.partybuilding.points.core;

import java.util.List;

/** The outcome of putting a new or changed version into a {@link RuleBook}. */
public sealed interface RuleChange {

	/** The version was accepted; {@code book} is the rule book with it. */
	record Accepted(RuleVersion version, RuleBook book) implements RuleChange {
	}

	/** The version was refused for the given reasons; the rule book is unchanged. */
	record Rejected(RuleVersion version, List<RuleViolation> violations) implements RuleChange {

		public Rejected {
			violations = List.copyOf(violations);
		}

	}

}
