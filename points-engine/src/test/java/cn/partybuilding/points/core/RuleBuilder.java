package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Builds rule versions for tests with quiet defaults: a basic attendance rule of 3 points
 * from 2026-01-01.
 */
final class RuleBuilder {

	static final LocalDate START = LocalDate.of(2026, 1, 1);

	private @Nullable String id;

	private final String code;

	private PointsCategory category = PointsCategory.BASIC;

	private EventType eventType = EventType.ACTIVITY_ATTENDED;

	private BigDecimal points = new BigDecimal("3");

	private AmountBasis basis = AmountBasis.PER_EVENT;

	private final Map<String, String> match = new HashMap<>();

	private Caps caps = Caps.NONE;

	private LocalDate from = START;

	private @Nullable LocalDate to;

	private RuleBuilder(String code) {
		this.code = code;
	}

	static RuleBuilder rule(String code) {
		return new RuleBuilder(code);
	}

	/**
	 * An instant given as local time in Asia/Shanghai, e.g. {@code "2026-03-01T10:00"}.
	 */
	static Instant shanghai(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BusinessCalendar.SHANGHAI).toInstant();
	}

	RuleBuilder id(String id) {
		this.id = id;
		return this;
	}

	RuleBuilder category(PointsCategory category) {
		this.category = category;
		return this;
	}

	RuleBuilder on(EventType eventType) {
		this.eventType = eventType;
		return this;
	}

	RuleBuilder points(String points) {
		this.points = new BigDecimal(points);
		return this;
	}

	RuleBuilder basis(AmountBasis basis) {
		this.basis = basis;
		return this;
	}

	RuleBuilder match(String key, String value) {
		this.match.put(key, value);
		return this;
	}

	RuleBuilder caps(@Nullable String perDay, @Nullable String perMonth, @Nullable String perYear) {
		this.caps = new Caps(amount(perDay), amount(perMonth), amount(perYear));
		return this;
	}

	RuleBuilder from(LocalDate from) {
		this.from = from;
		return this;
	}

	RuleBuilder to(@Nullable LocalDate to) {
		this.to = to;
		return this;
	}

	RuleVersion build() {
		String versionId = (this.id != null) ? this.id : this.code + "@" + this.from;
		return new RuleVersion(versionId, this.code, this.code.toLowerCase(), this.category, this.eventType,
				this.points, this.basis, this.match, this.caps, this.from, this.to);
	}

	private static @Nullable BigDecimal amount(@Nullable String value) {
		return (value != null) ? new BigDecimal(value) : null;
	}

}
