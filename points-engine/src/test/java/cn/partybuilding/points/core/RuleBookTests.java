package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.partybuilding.points.core.RuleViolation.ChangesCategory;
import cn.partybuilding.points.core.RuleViolation.InvalidField;
import cn.partybuilding.points.core.RuleViolation.OverlapsVersion;

import static cn.partybuilding.points.core.RuleBuilder.rule;
import static cn.partybuilding.points.core.RuleBuilder.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RuleBookTests {

	private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

	private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);

	private final RuleVersion assemblyV1 = rule("ATTEND").id("v1")
		.match(PointsEvent.ACTIVITY_TYPE, "BRANCH_ASSEMBLY")
		.to(MARCH_31)
		.build();

	private final RuleVersion assemblyV2 = rule("ATTEND").id("v2")
		.points("4")
		.match(PointsEvent.ACTIVITY_TYPE, "BRANCH_ASSEMBLY")
		.from(APRIL_1)
		.build();

	private final RuleBook book = RuleBook.of(List.of(this.assemblyV2, this.assemblyV1));

	@Test
	void versionInForceIncludesBothEndDates() {
		assertThat(this.book.inForceOn(RuleBuilder.START)).containsExactly(this.assemblyV1);
		assertThat(this.book.inForceOn(MARCH_31)).containsExactly(this.assemblyV1);
		assertThat(this.book.inForceOn(APRIL_1)).containsExactly(this.assemblyV2);
		assertThat(this.book.inForceOn(LocalDate.of(2025, 12, 31))).isEmpty();
		assertThat(this.book.inForceOn(LocalDate.of(2099, 1, 1))).containsExactly(this.assemblyV2);
	}

	@Test
	void applicableRulesNeedTheEventTypeAndEveryMatchEntry() {
		var assembly = attended("BRANCH_ASSEMBLY");
		assertThat(this.book.applicableTo(assembly, MARCH_31)).containsExactly(this.assemblyV1);
		assertThat(this.book.applicableTo(assembly, APRIL_1)).containsExactly(this.assemblyV2);
		assertThat(this.book.applicableTo(attended("GROUP_MEETING"), MARCH_31)).isEmpty();
		assertThat(this.book.applicableTo(
				PointsEvent.of("e", "m", EventType.ACTIVITY_ATTENDED, shanghai("2026-03-01T10:00"), Map.of()),
				MARCH_31))
			.isEmpty();
		var absent = PointsEvent.of("e", "m", EventType.ACTIVITY_ABSENT_WITHOUT_LEAVE, shanghai("2026-03-01T10:00"),
				Map.of(PointsEvent.ACTIVITY_TYPE, "BRANCH_ASSEMBLY"));
		assertThat(this.book.applicableTo(absent, MARCH_31)).isEmpty();
	}

	@Test
	void aTargetedEventIsScoredOnlyByTheNamedRule() {
		var commendation = rule("COMMENDATION").category(PointsCategory.BONUS)
			.on(EventType.BONUS_CLAIM_APPROVED)
			.points("5")
			.build();
		var model = rule("ADVANCED_MODEL").category(PointsCategory.BONUS)
			.on(EventType.BONUS_CLAIM_APPROVED)
			.points("10")
			.build();
		var claims = RuleBook.of(List.of(commendation, model));
		var claim = PointsEvent.claim("e", "m", shanghai("2026-05-01T10:00"), "ADVANCED_MODEL", null);
		assertThat(claims.applicableTo(claim, APRIL_1)).containsExactly(model);
		var unknown = PointsEvent.claim("e", "m", shanghai("2026-05-01T10:00"), "ATTEND", null);
		assertThat(claims.applicableTo(unknown, APRIL_1)).isEmpty();
	}

	@Test
	void theSignOfAManualAmountPicksTheBonusOrTheDeductionRule() {
		var manual = DefaultRuleBook.of(RuleBuilder.START);
		var plus = PointsEvent.adjustment("e1", "m", shanghai("2026-05-01T10:00"), new BigDecimal("3"), "helped");
		var minus = PointsEvent.adjustment("e2", "m", shanghai("2026-05-01T10:00"), new BigDecimal("-1.5"), "late");
		assertThat(manual.applicableTo(plus, APRIL_1)).extracting(RuleVersion::code).containsExactly("MANUAL_BONUS");
		assertThat(manual.applicableTo(minus, APRIL_1)).extracting(RuleVersion::code)
			.containsExactly("MANUAL_DEDUCTION");
	}

	@Test
	void aVersionOverlappingAnotherOfTheSameCodeIsAConflictNamingIt() {
		var clash = rule("ATTEND").id("v3").from(MARCH_31).to(APRIL_1).build();
		assertThat(this.book.check(clash)).containsExactlyInAnyOrder(
				new OverlapsVersion("v1", RuleBuilder.START, MARCH_31), new OverlapsVersion("v2", APRIL_1, null));
		assertThat(this.book.check(clash)).allMatch(RuleViolation::isConflict);
		assertThat(this.book.put(clash)).isInstanceOf(RuleChange.Rejected.class);
	}

	@Test
	void openEndedVersionsOverlapEverythingAfterTheirStart() {
		var later = rule("ATTEND").id("v3").from(LocalDate.of(2030, 1, 1)).build();
		assertThat(this.book.check(later)).containsExactly(new OverlapsVersion("v2", APRIL_1, null));
	}

	@Test
	void otherCodesMayOverlapFreely() {
		var other = rule("STUDY").on(EventType.STUDY_COMPLETED).build();
		assertThat(this.book.check(other)).isEmpty();
	}

	@Test
	void aChangedVersionIsCheckedAgainstTheOthersButNotItself() {
		var endedEarlier = rule("ATTEND").id("v1")
			.match(PointsEvent.ACTIVITY_TYPE, "BRANCH_ASSEMBLY")
			.to(LocalDate.of(2026, 2, 28))
			.build();
		var change = this.book.put(endedEarlier);
		assertThat(change).isInstanceOfSatisfying(RuleChange.Accepted.class,
				(accepted) -> assertThat(accepted.book().versions()).containsExactly(endedEarlier, this.assemblyV2));
		var stretched = rule("ATTEND").id("v1").to(APRIL_1).build();
		assertThat(this.book.check(stretched)).containsExactly(new OverlapsVersion("v2", APRIL_1, null));
	}

	@Test
	void aCodeKeepsItsCategory() {
		var deduction = rule("ATTEND").id("v3")
			.category(PointsCategory.DEDUCTION)
			.from(LocalDate.of(2020, 1, 1))
			.to(LocalDate.of(2020, 12, 31))
			.build();
		assertThat(this.book.check(deduction)).containsExactlyInAnyOrder(
				new ChangesCategory("v1", PointsCategory.BASIC), new ChangesCategory("v2", PointsCategory.BASIC));
	}

	@Test
	void malformedVersionsAreRejectedFieldByField() {
		var bad = new RuleVersion(" ", "attend", "", PointsCategory.BASIC, EventType.ACTIVITY_ATTENDED, BigDecimal.ZERO,
				AmountBasis.PER_EVENT, Map.of("activityType", " "),
				new Caps(BigDecimal.ZERO, new BigDecimal("-1"), null), APRIL_1, MARCH_31);
		assertThat(RuleBook.empty().check(bad)).extracting((v) -> ((InvalidField) v).field())
			.containsExactlyInAnyOrder("id", "code", "name", "points", "capPerDay", "capPerMonth", "effectiveTo",
					"match");
		assertThat(RuleBook.empty().check(bad)).noneMatch(RuleViolation::isConflict);
	}

	@Test
	void onlyManualAdjustmentsTakeTheirAmountFromTheEvent() {
		var manualWithPoints = rule("MANUAL").on(EventType.MANUAL_ADJUSTMENT).basis(AmountBasis.FROM_EVENT).build();
		var attendanceFromEvent = rule("ATTEND").points("0").basis(AmountBasis.FROM_EVENT).build();
		var manualPerEvent = rule("MANUAL").on(EventType.MANUAL_ADJUSTMENT).build();
		assertThat(RuleBook.empty().check(manualWithPoints))
			.containsExactly(new InvalidField("points", "must be 0 when the amount comes from the event"));
		assertThat(RuleBook.empty().check(attendanceFromEvent)).extracting((v) -> ((InvalidField) v).field())
			.containsExactly("basis");
		assertThat(RuleBook.empty().check(manualPerEvent)).extracting((v) -> ((InvalidField) v).field())
			.containsExactly("basis");
	}

	@Test
	void pointsAndCapsAreKeptAtOneDecimalPlace() {
		var rule = rule("VOLUNTEER").points("0.55").caps("2", null, "20.05").build();
		assertThat(rule.points()).isEqualTo("0.5");
		assertThat(rule.caps().perDay()).isEqualTo("2.0");
		assertThat(rule.caps().perYear()).isEqualTo("20.0");
	}

	@Test
	void aBookOfInconsistentVersionsCannotBeBuilt() {
		var clash = rule("ATTEND").id("v3").from(MARCH_31).build();
		assertThatIllegalArgumentException().isThrownBy(() -> RuleBook.of(List.of(this.assemblyV1, clash)))
			.withMessageContaining("v3");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RuleBook.of(List.of(this.assemblyV1, rule("OTHER").id("v1").build())))
			.withMessageContaining("appears twice");
	}

	@Test
	void versionsAreListedByCodeThenDate() {
		var other = rule("ABSENT").on(EventType.ACTIVITY_ABSENT_WITHOUT_LEAVE).build();
		var all = RuleBook.of(List.of(this.assemblyV2, other, this.assemblyV1));
		assertThat(all.versions()).containsExactly(other, this.assemblyV1, this.assemblyV2);
		assertThat(all.version("v2")).contains(this.assemblyV2);
		assertThat(all.version("nope")).isEmpty();
	}

	private static PointsEvent attended(String activityType) {
		return PointsEvent.of("e", "m", EventType.ACTIVITY_ATTENDED, shanghai("2026-03-01T10:00"),
				Map.of(PointsEvent.ACTIVITY_TYPE, activityType));
	}

}
