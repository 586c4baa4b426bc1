package cn.partybuilding.volunteer;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The hour arithmetic around a project's edges: grace before the start, clipping, the
 * half-hour rounding.
 */
class ServiceWindowTests {

	/** 09:00 to 12:00 in Shanghai. */
	private static final ServiceWindow MORNING = new ServiceWindow(at("09:00:00"), at("12:00:00"));

	@Test
	void checkInOpensHalfAnHourBeforeTheStartAndClosesAtTheEnd() {
		assertThat(MORNING.checkInOpenAt(at("08:29:59"))).isFalse();
		assertThat(MORNING.checkInOpenAt(at("08:30:00"))).isTrue();
		assertThat(MORNING.checkInOpenAt(at("10:00:00"))).isTrue();
		assertThat(MORNING.checkInOpenAt(at("11:59:59"))).isTrue();
		assertThat(MORNING.checkInOpenAt(at("12:00:00"))).isFalse();
	}

	@Test
	void checkoutStaysOpenHalfAnHourAfterTheEnd() {
		assertThat(MORNING.checkOutOpenAt(at("08:29:59"))).isFalse();
		assertThat(MORNING.checkOutOpenAt(at("08:30:00"))).isTrue();
		assertThat(MORNING.checkOutOpenAt(at("12:00:00"))).isTrue();
		assertThat(MORNING.checkOutOpenAt(at("12:30:00"))).isTrue();
		assertThat(MORNING.checkOutOpenAt(at("12:30:01"))).isFalse();
	}

	@Test
	void hoursAreRoundedDownToTheHalfHour() {
		assertThat(MORNING.hours(at("09:00:00"), at("09:29:59"))).isEqualTo(hours("0.0"));
		assertThat(MORNING.hours(at("09:00:00"), at("09:29:00"))).isEqualTo(hours("0.0"));
		assertThat(MORNING.hours(at("09:00:00"), at("09:30:00"))).isEqualTo(hours("0.5"));
		assertThat(MORNING.hours(at("09:00:00"), at("09:59:59"))).isEqualTo(hours("0.5"));
		assertThat(MORNING.hours(at("09:00:00"), at("10:00:00"))).isEqualTo(hours("1.0"));
		assertThat(MORNING.hours(at("09:10:00"), at("11:09:00"))).isEqualTo(hours("1.5"));
		assertThat(MORNING.hours(at("09:10:00"), at("11:10:00"))).isEqualTo(hours("2.0"));
	}

	@Test
	void timeBeforeTheStartDoesNotCount() {
		// Checked in during the grace: the hours start at the start.
		assertThat(MORNING.hours(at("08:30:00"), at("09:30:00"))).isEqualTo(hours("0.5"));
		assertThat(MORNING.hours(at("08:40:00"), at("09:59:00"))).isEqualTo(hours("0.5"));
		assertThat(MORNING.hours(at("08:35:00"), at("08:55:00"))).isEqualTo(hours("0.0"));
		assertThat(MORNING.hours(at("08:30:00"), at("09:00:00"))).isEqualTo(hours("0.0"));
	}

	@Test
	void timeAfterTheEndDoesNotCountSoNoSignupRecordsMoreThanTheProjectLasts() {
		assertThat(MORNING.hours(at("11:00:00"), at("12:25:00"))).isEqualTo(hours("1.0"));
		assertThat(MORNING.hours(at("08:30:00"), at("12:30:00"))).isEqualTo(hours("3.0"));
		assertThat(MORNING.hours(at("12:00:00"), at("12:30:00"))).isEqualTo(hours("0.0"));
		assertThat(new ServiceWindow(at("09:00:00"), at("11:45:00")).hours(at("08:30:00"), at("12:00:00")))
			.isEqualTo(hours("2.5"));
	}

	@Test
	void aCheckoutBeforeTheCheckInCountsNothing() {
		assertThat(MORNING.hours(at("10:00:00"), at("09:00:00"))).isEqualTo(hours("0.0"));
	}

	@Test
	void aMadeUpCheckoutMayBeAtTheEndButNeverAfterIt() {
		assertThat(MORNING.mayEndAt(at("11:00:00"))).isTrue();
		assertThat(MORNING.mayEndAt(at("12:00:00"))).isTrue();
		assertThat(MORNING.mayEndAt(at("12:00:01"))).isFalse();
	}

	@Test
	void hoursGivenByHandAreWholeHalfHours() {
		assertThat(ServiceWindow.inHalfHours(hours("0"))).isTrue();
		assertThat(ServiceWindow.inHalfHours(hours("2.5"))).isTrue();
		assertThat(ServiceWindow.inHalfHours(hours("1.50"))).isTrue();
		assertThat(ServiceWindow.inHalfHours(hours("2.55"))).isFalse();
		assertThat(ServiceWindow.inHalfHours(hours("0.25"))).isFalse();
		assertThat(ServiceWindow.inHalfHours(hours("-0.5"))).isFalse();
	}

	@Test
	void aProjectEndsAfterItStarts() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ServiceWindow(at("09:00:00"), at("09:00:00")));
	}

	private static Instant at(String time) {
		return Instant.parse("2026-11-28T" + time + "+08:00");
	}

	private static BigDecimal hours(String value) {
		return new BigDecimal(value);
	}

}
