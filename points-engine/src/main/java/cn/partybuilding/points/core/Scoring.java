package cn.partybuilding.points.core;

import java.time.LocalDate;
import java.util.List;

/**
 * What scoring one event decided; the entries are to be appended to the member's ledger
 * as they are.
 */
public sealed interface Scoring {

	PointsEvent event();

	/** The event's business date, which fixes the rules in force and the cap periods. */
	LocalDate localDate();

	/**
	 * The entries to append: one per applicable rule code, possibly cut (even to zero) by
	 * a cap.
	 */
	List<LedgerEntry> entries();

	/** Rules applied to the event. */
	record Scored(PointsEvent event, LocalDate localDate, List<LedgerEntry> entries) implements Scoring {

		public Scored {
			entries = List.copyOf(entries);
		}

	}

	/** No rule in force on the event's date applies to it; nothing is appended. */
	record NoRuleInForce(PointsEvent event, LocalDate localDate) implements Scoring {

		@Override
		public List<LedgerEntry> entries() {
			return List.of();
		}

	}

}
