package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * Generates rule books and event sequences dense enough to hit day, month and year caps,
 * version changes and the new-year boundary in Asia/Shanghai.
 */
final class PointsArbitraries {

	static final BusinessCalendar CALENDAR = BusinessCalendar.shanghai();

	static final String MEMBER = "m1";

	private static final LocalDate RULES_START = LocalDate.of(2025, 1, 1);

	private static final List<Code> CODES = List.of(
			new Code("ASSEMBLY", EventType.ACTIVITY_ATTENDED, Map.of(PointsEvent.ACTIVITY_TYPE, "BRANCH_ASSEMBLY")),
			new Code("THEME_DAY", EventType.ACTIVITY_ATTENDED, Map.of(PointsEvent.ACTIVITY_TYPE, "THEME_DAY")),
			new Code("ANY_ATTENDANCE", EventType.ACTIVITY_ATTENDED, Map.of()),
			new Code("ABSENCE", EventType.ACTIVITY_ABSENT_WITHOUT_LEAVE, Map.of()),
			new Code("VOLUNTEER", EventType.VOLUNTEER_HOURS_APPROVED, Map.of()),
			new Code("BASE_VISIT", EventType.BASE_VISIT_COMPLETED, Map.of()),
			new Code("STUDY", EventType.STUDY_COMPLETED, Map.of()),
			new Code("CLAIM_A", EventType.BONUS_CLAIM_APPROVED, Map.of()),
			new Code("CLAIM_B", EventType.BONUS_CLAIM_APPROVED, Map.of()));

	private PointsArbitraries() {
	}

	/**
	 * The category of each generated code: fixed for every book of one try, as a real
	 * rule book keeps it.
	 */
	static Arbitrary<Map<String, PointsCategory>> categories() {
		return Combinators.combine(CODES.stream().map((code) -> Arbitraries.of(PointsCategory.class)).toList())
			.as((drawn) -> {
				Map<String, PointsCategory> categories = new HashMap<>();
				IntStream.range(0, CODES.size()).forEach((i) -> categories.put(CODES.get(i).code(), drawn.get(i)));
				return categories;
			});
	}

	/**
	 * A book where each code is absent, has one version, or two versions split at a date
	 * around new year.
	 */
	static Arbitrary<RuleBook> ruleBook(Map<String, PointsCategory> categories) {
		List<Arbitrary<List<RuleVersion>>> perCode = new ArrayList<>();
		CODES.forEach((code) -> perCode
			.add(versions(code, Objects.requireNonNull(categories.get(code.code()), "categories has every code"))));
		perCode.add(manual("MANUAL_BONUS", PointsCategory.BONUS));
		perCode.add(manual("MANUAL_DEDUCTION", PointsCategory.DEDUCTION));
		return Combinators.combine(perCode).as((lists) -> RuleBook.of(lists.stream().flatMap(List::stream).toList()));
	}

	/** Up to 40 events of one member, each with a distinct id, in no particular order. */
	static Arbitrary<List<PointsEvent>> events(boolean acrossNewYear) {
		return draft(acrossNewYear).list()
			.ofMaxSize(40)
			.map((drafts) -> IntStream.range(0, drafts.size())
				.mapToObj((i) -> drafts.get(i).toEvent("e%02d".formatted(i)))
				.toList());
	}

	private static Arbitrary<List<RuleVersion>> versions(Code code, PointsCategory category) {
		Arbitrary<List<RuleVersion>> none = Arbitraries.just(List.of());
		Arbitrary<List<RuleVersion>> one = terms()
			.map((t) -> List.of(t.version(code, category, "1", RULES_START, null)));
		Arbitrary<List<RuleVersion>> two = Combinators.combine(terms(), terms(), splitDate())
			.as((a, b, split) -> List.of(a.version(code, category, "1", RULES_START, split.minusDays(1)),
					b.version(code, category, "2", split, null)));
		return Arbitraries.frequencyOf(List.of(Tuple.of(1, none), Tuple.of(3, one), Tuple.of(2, two)));
	}

	private static Arbitrary<List<RuleVersion>> manual(String code, PointsCategory category) {
		return cap().map((perYear) -> List
			.of(new RuleVersion(code + "@1", code, code, category, EventType.MANUAL_ADJUSTMENT, BigDecimal.ZERO,
					AmountBasis.FROM_EVENT, Map.of(), new Caps(null, null, perYear), RULES_START, null)));
	}

	private static Arbitrary<Terms> terms() {
		Arbitrary<Caps> caps = Combinators.combine(cap(), cap(), cap()).as(Caps::new);
		return Combinators.combine(halves(1, 12), Arbitraries.of(AmountBasis.PER_EVENT, AmountBasis.PER_UNIT), caps)
			.as(Terms::new);
	}

	private static Arbitrary<@Nullable BigDecimal> cap() {
		return halves(1, 24).injectNull(0.4);
	}

	private static Arbitrary<BigDecimal> halves(int min, int max) {
		return Arbitraries.integers().between(min, max).map((n) -> BigDecimal.valueOf(n * 5L, 1));
	}

	private static Arbitrary<LocalDate> splitDate() {
		return Arbitraries.integers().between(0, 80).map((days) -> LocalDate.of(2025, 12, 20).plusDays(days));
	}

	private static Arbitrary<Draft> draft(boolean acrossNewYear) {
		Arbitrary<BigDecimal> signedAmount = halves(1, 30).flatMap((amount) -> Arbitraries.of(amount, amount.negate()));
		return Combinators
			.combine(Arbitraries.of(EventType.class), Arbitraries.of("BRANCH_ASSEMBLY", "THEME_DAY", "OTHER"),
					halves(0, 12), instant(acrossNewYear), signedAmount, Arbitraries.of("CLAIM_A", "CLAIM_B", "NONE"))
			.as(Draft::new);
	}

	/**
	 * Local times crowded into a few weeks so that day and month caps bind; optionally
	 * around new year.
	 */
	private static Arbitrary<Instant> instant(boolean acrossNewYear) {
		LocalDateTime firstDay = acrossNewYear ? LocalDateTime.of(2025, 12, 27, 0, 0)
				: LocalDateTime.of(2026, 1, 20, 0, 0);
		return Combinators
			.combine(Arbitraries.integers().between(0, 45), Arbitraries.integers().between(0, 24 * 3600 - 1))
			.as((days, seconds) -> firstDay.plusDays(days).plusSeconds(seconds).atZone(CALENDAR.zone()).toInstant());
	}

	private record Code(String code, EventType type, Map<String, String> match) {
	}

	private record Terms(BigDecimal points, AmountBasis basis, Caps caps) {

		RuleVersion version(Code code, PointsCategory category, String version, LocalDate from,
				@Nullable LocalDate to) {
			return new RuleVersion(code.code() + "@" + version, code.code(), code.code(), category, code.type(),
					this.points, this.basis, code.match(), this.caps, from, to);
		}

	}

	private record Draft(EventType type, String activityType, BigDecimal quantity, Instant at, BigDecimal amount,
			String claim) {

		PointsEvent toEvent(String eventId) {
			return switch (this.type) {
				case MANUAL_ADJUSTMENT -> PointsEvent.adjustment(eventId, MEMBER, this.at, this.amount, "adjusted");
				case BONUS_CLAIM_APPROVED -> PointsEvent.claim(eventId, MEMBER, this.at, this.claim, null);
				default -> new PointsEvent(eventId, MEMBER, this.type, this.at,
						Map.of(PointsEvent.ACTIVITY_TYPE, this.activityType), this.quantity, null, null, null);
			};
		}

	}

}
