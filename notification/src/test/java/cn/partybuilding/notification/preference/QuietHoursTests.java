package cn.partybuilding.notification.preference;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuietHoursTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void quietHoursWithinADayIncludeTheirStartAndExcludeTheirEnd() {
		QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
		assertThat(lunch.wrapsMidnight()).isFalse();
		assertThat(lunch.contains(LocalTime.of(11, 59))).isFalse();
		assertThat(lunch.contains(LocalTime.of(12, 0))).isTrue();
		assertThat(lunch.contains(LocalTime.of(13, 59))).isTrue();
		assertThat(lunch.contains(LocalTime.of(14, 0))).isFalse();
	}

	@Test
	void quietHoursMayWrapMidnight() {
		QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
		assertThat(night.wrapsMidnight()).isTrue();
		assertThat(night.contains(LocalTime.of(21, 59))).isFalse();
		assertThat(night.contains(LocalTime.of(22, 0))).isTrue();
		assertThat(night.contains(LocalTime.MIDNIGHT)).isTrue();
		assertThat(night.contains(LocalTime.of(6, 59))).isTrue();
		assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
		assertThat(night.contains(LocalTime.NOON)).isFalse();
	}

	@Test
	void wrappingQuietHoursEndTheNextMorningBeforeMidnightAndThisMorningAfter() {
		QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
		ZonedDateTime lateEvening = ZonedDateTime.of(2026, 11, 25, 23, 30, 0, 0, SHANGHAI);
		ZonedDateTime earlyMorning = ZonedDateTime.of(2026, 11, 26, 1, 0, 0, 0, SHANGHAI);
		assertThat(night.endAfter(lateEvening)).isEqualTo(ZonedDateTime.of(2026, 11, 26, 7, 0, 0, 0, SHANGHAI));
		assertThat(night.endAfter(earlyMorning)).isEqualTo(ZonedDateTime.of(2026, 11, 26, 7, 0, 0, 0, SHANGHAI));
	}

	@Test
	void quietHoursWithinADayEndTheSameDay() {
		QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
		assertThat(lunch.endAfter(ZonedDateTime.of(2026, 11, 25, 12, 30, 0, 0, SHANGHAI)))
			.isEqualTo(ZonedDateTime.of(2026, 11, 25, 14, 0, 0, 0, SHANGHAI));
	}

	@Test
	void quietHoursCannotBeginWhenTheyEnd() {
		assertThatIllegalArgumentException().isThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON));
	}

}
