package cn.partybuilding.points.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;

import cn.partybuilding.points.DetailsJson;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsEvent;

/**
 * Rows of {@code points_events} as the repositories of the intake select and read them.
 */
final class EventRows {

	/** The columns {@link #event} and {@link #pending} read. */
	static final String COLUMNS = """
			seq, event_id, member_id, type, occurred_at, details::text AS details, quantity, explicit_points,
			target_rule_code, reason, attempts""";

	private EventRows() {
	}

	/**
	 * The row as an event waiting for scoring; one that cannot be read carries the reason
	 * why.
	 */
	static PendingEvent pending(Readable row) {
		long seq = row.get("seq", Long.class);
		int attempts = row.get("attempts", Integer.class);
		String eventId = row.get("event_id", String.class);
		String memberId = row.get("member_id", UUID.class).toString();
		try {
			return new PendingEvent(seq, attempts, eventId, memberId, event(row), null);
		}
		catch (RuntimeException ex) {
			return new PendingEvent(seq, attempts, eventId, memberId, null, ex);
		}
	}

	static PointsEvent event(Readable row) {
		return new PointsEvent(row.get("event_id", String.class), row.get("member_id", UUID.class).toString(),
				EventType.valueOf(row.get("type", String.class)), row.get("occurred_at", Instant.class),
				DetailsJson.read(row.get("details", String.class)), row.get("quantity", BigDecimal.class),
				row.get("explicit_points", BigDecimal.class), row.get("target_rule_code", String.class),
				row.get("reason", String.class));
	}

}
