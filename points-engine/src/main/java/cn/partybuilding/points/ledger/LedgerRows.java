package cn.partybuilding.points.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.r2dbc.spi.Readable;

import cn.partybuilding.points.core.CapPeriod;
import cn.partybuilding.points.core.EntryKind;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.LedgerEntry;
import cn.partybuilding.points.core.PointsCategory;

/** Rows of {@code points_ledger} as the ledger's repositories write and read them. */
final class LedgerRows {

	/** All columns, in the order the inserts give them. */
	static final String COLUMNS = """
			id, member_id, kind, event_id, event_type, rule_code, rule_version_id, category, year, local_date,
			occurred_at, points, requested, capped_by, reason, recalculation_id, recorded_at""";

	private LedgerRows() {
	}

	static RecordedEntry recorded(Readable row) {
		String cappedBy = row.get("capped_by", String.class);
		LedgerEntry entry = new LedgerEntry(EntryKind.valueOf(row.get("kind", String.class)),
				row.get("event_id", String.class), row.get("member_id", UUID.class).toString(),
				EventType.valueOf(row.get("event_type", String.class)), row.get("rule_code", String.class),
				row.get("rule_version_id", String.class), PointsCategory.valueOf(row.get("category", String.class)),
				row.get("year", Integer.class), row.get("local_date", LocalDate.class),
				row.get("occurred_at", Instant.class), row.get("points", BigDecimal.class),
				row.get("requested", BigDecimal.class), (cappedBy != null) ? CapPeriod.valueOf(cappedBy) : null,
				row.get("reason", String.class));
		return new RecordedEntry(row.get("id", UUID.class), entry, row.get("recalculation_id", UUID.class),
				row.get("recorded_at", Instant.class));
	}

}
