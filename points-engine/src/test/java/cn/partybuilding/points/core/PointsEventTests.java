package cn.partybuilding.points.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PointsEventTests {

	@Test
	void aManualAdjustmentNeedsANonZeroAmountAndOnlyItMayCarryOne() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> PointsEvent.adjustment("e", "m", Instant.EPOCH, new BigDecimal("0.04"), "rounds to zero"));
		assertThatIllegalArgumentException().isThrownBy(() -> new PointsEvent("e", "m", EventType.ACTIVITY_ATTENDED,
				Instant.EPOCH, Map.of(), BigDecimal.ONE, BigDecimal.ONE, null, null));
		assertThat(PointsEvent.adjustment("e", "m", Instant.EPOCH, new BigDecimal("-2.59"), "r").explicitPoints())
			.isEqualTo("-2.5");
	}

	@Test
	void aBonusClaimNamesItsRuleAndQuantitiesAreNotNegative() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PointsEvent("e", "m", EventType.BONUS_CLAIM_APPROVED,
				Instant.EPOCH, Map.of(), BigDecimal.ONE, null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> PointsEvent.measured("e", "m",
				EventType.VOLUNTEER_HOURS_APPROVED, Instant.EPOCH, new BigDecimal("-1")));
	}

}
