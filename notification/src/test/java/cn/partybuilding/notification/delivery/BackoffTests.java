package cn.partybuilding.notification.delivery;

import java.time.Duration;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10));

	@Test
	void theCapDoublesFromTheInitialDelayUpToTheMaximum() {
		assertThat(this.backoff.cap(1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.backoff.cap(2)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.backoff.cap(5)).isEqualTo(Duration.ofSeconds(32));
		assertThat(this.backoff.cap(10)).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.backoff.cap(1000)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void everyDelayLiesBetweenHalfTheCapAndTheCap() {
		SplittableRandom random = new SplittableRandom(42);
		for (int attempts = 1; attempts <= 40; attempts++) {
			Duration cap = this.backoff.cap(attempts);
			for (int i = 0; i < 200; i++) {
				assertThat(this.backoff.delay(attempts, random)).isBetween(cap.dividedBy(2), cap);
			}
		}
	}

	@Test
	void delaysAreSpreadNotAllTheSame() {
		Random random = new Random(7);
		long distinct = java.util.stream.IntStream.range(0, 100)
			.mapToObj((i) -> this.backoff.delay(6, random))
			.distinct()
			.count();
		assertThat(distinct).isGreaterThan(50);
	}

	@Test
	void theExtremesOfTheJitterAreReached() {
		Backoff tiny = new Backoff(Duration.ofMillis(2), Duration.ofMillis(2));
		assertThat(tiny.delay(1, () -> 0L)).isEqualTo(Duration.ofMillis(1));
		assertThat(tiny.delay(1, () -> -1L)).isBetween(Duration.ofMillis(1), Duration.ofMillis(2));
	}

}
