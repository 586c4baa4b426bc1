package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One append-only line of a member's points ledger: what the rule version
 * {@code ruleVersionId} decided for the event. {@code points} is signed (negative for
 * deductions); {@code requested} is the signed amount asked for before caps, and
 * {@code cappedBy} names the cap that cut it. {@code year} and {@code localDate} are the
 * event's business year and date.
 */
public record LedgerEntry(EntryKind kind, String eventId, String memberId, EventType eventType, String ruleCode,
		String ruleVersionId, PointsCategory category, int year, LocalDate localDate, Instant occurredAt,
		BigDecimal points, BigDecimal requested, @Nullable CapPeriod cappedBy, String reason) {

	/**
	 * @throws IllegalArgumentException if {@code year} is not the year of
	 * {@code localDate}
	 */
	public LedgerEntry {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(memberId, "memberId");
		Objects.requireNonNull(eventType, "eventType");
		Objects.requireNonNull(ruleCode, "ruleCode");
		Objects.requireNonNull(ruleVersionId, "ruleVersionId");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(reason, "reason");
		if (localDate.getYear() != year) {
			throw new IllegalArgumentException("Year " + year + " is not the year of " + localDate);
		}
		points = Points.of(points);
		requested = Points.of(requested);
	}

	static LedgerEntry award(PointsEvent event, LocalDate localDate, RuleVersion rule, BigDecimal requested,
			Allowance allowance) {
		String reason = (event.reason() != null) ? event.reason() : rule.name();
		return new LedgerEntry(EntryKind.AWARD, event.eventId(), event.memberId(), event.type(), rule.code(), rule.id(),
				rule.category(), localDate.getYear(), localDate, event.occurredAt(),
				rule.category().flip(allowance.awarded()), rule.category().flip(requested), allowance.cappedBy(),
				reason);
	}

	/**
	 * A correction of {@code difference} points for the same event and rule code as
	 * {@code template}.
	 */
	static LedgerEntry compensation(LedgerEntry template, BigDecimal difference, String reason) {
		return new LedgerEntry(EntryKind.COMPENSATION, template.eventId, template.memberId, template.eventType,
				template.ruleCode, template.ruleVersionId, template.category, template.year, template.localDate,
				template.occurredAt, difference, difference, null, reason);
	}

	/**
	 * The points counted against the rule code's caps: the amount in the direction of the
	 * category.
	 */
	public BigDecimal magnitude() {
		return this.category.flip(this.points);
	}

	EventRule eventRule() {
		return new EventRule(this.eventId, this.ruleCode);
	}

	/** The key entries are unique by among awards, and summed by in a recalculation. */
	record EventRule(String eventId, String ruleCode) {
	}

}
