package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a member and may be scored: {@code quantity} counts units
 * (hours, items; 1 for a discrete event), {@code explicitPoints} is the signed amount of
 * a manual adjustment, {@code targetRuleCode} the only rule that may score a bonus claim.
 */
public record PointsEvent(String eventId, String memberId, EventType type, Instant occurredAt,
		Map<String, String> details, BigDecimal quantity, @Nullable BigDecimal explicitPoints,
		@Nullable String targetRuleCode, @Nullable String reason) {

	/** The detail key naming the activity type of attendance and absence events. */
	public static final String ACTIVITY_TYPE = "activityType";

	/**
	 * @throws IllegalArgumentException if the quantity is negative, a manual adjustment
	 * lacks a non-zero amount, an amount comes with another type, or a bonus claim names
	 * no rule
	 */
	public PointsEvent {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(memberId, "memberId");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(occurredAt, "occurredAt");
		details = Map.copyOf(details);
		if (quantity.signum() < 0) {
			throw new IllegalArgumentException("Quantity must not be negative: " + quantity);
		}
		explicitPoints = (explicitPoints != null) ? Points.of(explicitPoints) : null;
		boolean manual = type == EventType.MANUAL_ADJUSTMENT;
		if (manual != (explicitPoints != null && explicitPoints.signum() != 0)) {
			throw new IllegalArgumentException("A manual adjustment, and only it, carries a non-zero amount");
		}
		if (type == EventType.BONUS_CLAIM_APPROVED && targetRuleCode == null) {
			throw new IllegalArgumentException("An approved bonus claim must name its rule code");
		}
	}

	/**
	 * A discrete event (quantity 1), e.g. attendance with {@code activityType} in its
	 * details.
	 */
	public static PointsEvent of(String eventId, String memberId, EventType type, Instant occurredAt,
			Map<String, String> details) {
		return new PointsEvent(eventId, memberId, type, occurredAt, details, BigDecimal.ONE, null, null, null);
	}

	/** An event measured in units, e.g. approved volunteer hours. */
	public static PointsEvent measured(String eventId, String memberId, EventType type, Instant occurredAt,
			BigDecimal quantity) {
		return new PointsEvent(eventId, memberId, type, occurredAt, Map.of(), quantity, null, null, null);
	}

	/** A manual adjustment: positive amounts award bonus points, negative ones deduct. */
	public static PointsEvent adjustment(String eventId, String memberId, Instant occurredAt, BigDecimal points,
			String reason) {
		return new PointsEvent(eventId, memberId, EventType.MANUAL_ADJUSTMENT, occurredAt, Map.of(), BigDecimal.ONE,
				points, null, reason);
	}

	/** An approved bonus claim, scored only by the claimed rule. */
	public static PointsEvent claim(String eventId, String memberId, Instant occurredAt, String ruleCode,
			@Nullable String reason) {
		return new PointsEvent(eventId, memberId, EventType.BONUS_CLAIM_APPROVED, occurredAt, Map.of(), BigDecimal.ONE,
				null, ruleCode, reason);
	}

}
