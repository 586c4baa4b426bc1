package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static cn.partybuilding.points.core.RuleBuilder.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

class DefaultRuleBookTests {

	private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

	private final RuleBook book = DefaultRuleBook.of(FROM);

	private final Scorer scorer = new Scorer(this.book, BusinessCalendar.shanghai());

	@Test
	void everyDefaultVersionPassesValidationAndCodesAreUnique() {
		var versions = DefaultRuleBook.versions(FROM);
		assertThat(versions).allSatisfy((v) -> assertThat(RuleBook.empty().check(v)).isEmpty());
		assertThat(versions).extracting(RuleVersion::code).doesNotHaveDuplicates();
		assertThat(this.book.inForceOn(FROM)).hasSameSizeAs(versions);
		assertThat(this.book.inForceOn(FROM.minusDays(1))).isEmpty();
		assertThat(this.book.version("ATTEND_BRANCH_ASSEMBLY@2026-01-01")).isPresent();
	}

	@Test
	void eachMeetingTypeIsScoredByItsOwnRuleUpToItsYearlyCap() {
		assertThat(yearOf(EventType.ACTIVITY_ATTENDED, "BRANCH_ASSEMBLY", 5)).isEqualTo("12.0");
		assertThat(yearOf(EventType.ACTIVITY_ATTENDED, "COMMITTEE_MEETING", 5)).isEqualTo("12.0");
		assertThat(yearOf(EventType.ACTIVITY_ATTENDED, "GROUP_MEETING", 1)).isEqualTo("3.0");
		assertThat(yearOf(EventType.ACTIVITY_ATTENDED, "PARTY_LECTURE", 5)).isEqualTo("12.0");
		assertThat(yearOf(EventType.ACTIVITY_ATTENDED, "THEME_DAY", 12)).isEqualTo("8.0");
		assertThat(yearOf(EventType.ACTIVITY_ATTENDED, "ORG_LIFE", 3)).isEqualTo("6.0");
		assertThat(yearOf(EventType.ACTIVITY_ATTENDED, "OTHER", 3)).isEqualTo("0.0");
		assertThat(yearOf(EventType.ACTIVITY_ABSENT_WITHOUT_LEAVE, "BRANCH_ASSEMBLY", 12)).isEqualTo("-20.0");
		assertThat(yearOf(EventType.BASE_VISIT_COMPLETED, null, 5)).isEqualTo("8.0");
	}

	@Test
	void volunteerHoursAndStudyItemsArePerUnitWithTheirCaps() {
		var ledger = Ledger.empty();
		for (int week = 1; week <= 10; week++) {
			var event = PointsEvent.measured("v" + week, "m1", EventType.VOLUNTEER_HOURS_APPROVED,
					shanghai("2026-03-%02dT10:00".formatted(week)), new BigDecimal("2.5"));
			ledger = ledger.append(score(event, ledger));
		}
		assertThat(ledger.balance(2026).basic()).isEqualTo("20.0");
		var study = PointsEvent.measured("s1", "m1", EventType.STUDY_COMPLETED, shanghai("2026-03-01T10:00"),
				new BigDecimal("5"));
		assertThat(this.scorer.score(study, CapUsage.NONE).entries()).singleElement()
			.satisfies((e) -> assertThat(e.points()).isEqualTo("2.0"))
			.satisfies((e) -> assertThat(e.cappedBy()).isEqualTo(CapPeriod.DAY));
	}

	private String yearOf(EventType type, @Nullable String activityType, int times) {
		var ledger = Ledger.empty();
		for (int i = 1; i <= times; i++) {
			Map<String, String> details = (activityType != null) ? Map.of(PointsEvent.ACTIVITY_TYPE, activityType)
					: Map.of();
			var event = PointsEvent.of("e" + i, "m1", type, shanghai("2026-%02d-10T10:00".formatted(i)), details);
			ledger = ledger.append(score(event, ledger));
		}
		return ledger.balance(2026).total().toPlainString();
	}

	private java.util.List<LedgerEntry> score(PointsEvent event, Ledger ledger) {
		return this.scorer.score(event, ledger.capUsageOn(BusinessCalendar.shanghai().dateOf(event.occurredAt())))
			.entries();
	}

}
