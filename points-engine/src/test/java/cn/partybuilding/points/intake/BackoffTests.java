package cn.partybuilding.points.intake;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	private static final Duration FIRST = Duration.ofSeconds(1);

	@Test
	void theWaitDoublesWithEveryFailedAttempt() {
		assertThat(Backoff.after(1, FIRST)).isEqualTo(Duration.ofSeconds(1));
		assertThat(Backoff.after(2, FIRST)).isEqualTo(Duration.ofSeconds(2));
		assertThat(Backoff.after(5, FIRST)).isEqualTo(Duration.ofSeconds(16));
	}

	@Test
	void theWaitNeverExceedsAnHourNorOverflows() {
		assertThat(Backoff.after(13, FIRST)).isEqualTo(Backoff.MAX);
		assertThat(Backoff.after(1_000, FIRST)).isEqualTo(Backoff.MAX);
		assertThat(Backoff.after(0, FIRST)).isEqualTo(FIRST);
	}

}
