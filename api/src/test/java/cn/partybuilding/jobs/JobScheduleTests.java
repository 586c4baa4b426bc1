package cn.partybuilding.jobs;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JobScheduleTests {

	/** A Monday. */
	static final LocalDateTime MONDAY_MORNING = LocalDateTime.of(2026, 11, 23, 8, 0);

	@Test
	void aDailyScheduleIsATime() {
		JobSchedule schedule = JobSchedule.parse("08:00");
		assertThat(schedule).isEqualTo(new JobSchedule(null, LocalTime.of(8, 0)));
		assertThat(schedule.isDue(MONDAY_MORNING.minusMinutes(1))).isFalse();
		assertThat(schedule.isDue(MONDAY_MORNING)).isTrue();
		assertThat(schedule.isDue(MONDAY_MORNING.plusDays(1).withHour(23))).isTrue();
	}

	@Test
	void aWeeklyScheduleIsDueOnlyOnItsDayFromItsTime() {
		JobSchedule schedule = JobSchedule.parse("MON 08:30");
		assertThat(schedule.dayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		assertThat(schedule.isDue(MONDAY_MORNING)).isFalse();
		assertThat(schedule.isDue(MONDAY_MORNING.plusMinutes(30))).isTrue();
		assertThat(schedule.isDue(MONDAY_MORNING.plusDays(1).plusMinutes(30))).isFalse();
		assertThat(JobSchedule.parse("monday 08:30")).isEqualTo(schedule);
	}

	@Test
	void anythingElseIsRefusedAtStartUp() {
		for (String bad : new String[] { "", "8", "25:00", "MO 08:00", "XYZ 08:00", "MON 08:00 extra" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> JobSchedule.parse(bad));
		}
	}

}
