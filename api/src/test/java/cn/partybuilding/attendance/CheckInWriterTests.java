package cn.partybuilding.attendance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import cn.partybuilding.activity.Activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class CheckInWriterTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final Activity activity = mock(Activity.class);

	/** Opened to let the writes that wait on it finish. */
	private Sinks.Empty<Void> gate = Sinks.empty();

	private final CheckInWriter writer;

	CheckInWriterTests() {
		AttendanceEvents events = mock(AttendanceEvents.class);
		// Every check-in of a batch is stored once the gate is open.
		given(events.attendedAlong(any(), anyList())).willAnswer((call) -> {
			List<CheckInWriter.NewCheckIn> batch = call.getArgument(1);
			return this.gate.asMono().thenMany(Flux.fromIterable(batch).map((entry) -> entry.checkIn().id()));
		});
		this.writer = new CheckInWriter(events, new SimpleMeterRegistry());
	}

	@Test
	void scoringGivesWayWhileCheckInsQueueForAWriteAndNotOtherwise() {
		// A quiet server: a check-in finds a free slot and is written alone; nobody
		// queued, scoring need not wait.
		this.gate.tryEmitEmpty();
		assertThat(this.writer.store(this.activity, checkIn(), null, null, null).block(WAIT)).isTrue();
		assertThat(this.writer.othersWaiting()).isFalse();

		// A rush: six check-ins while the writes hang; two take the two write slots, four
		// queue behind them.
		this.gate = Sinks.empty();
		List<Mono<Boolean>> answers = IntStream.range(0, 6)
			.mapToObj((i) -> this.writer.store(this.activity, checkIn(), null, null, null).cache())
			.toList();
		answers.forEach(Mono::subscribe);
		this.gate.tryEmitEmpty();
		assertThat(answers.stream().map((answer) -> answer.block(WAIT))).containsOnly(true).hasSize(6);
		// The four that queued were written together: scoring gives way, for a second
		// after that.
		assertThat(this.writer.othersWaiting()).isTrue();
		await().atMost(CheckInWriter.RUSH.multipliedBy(3)).until(() -> !this.writer.othersWaiting());
	}

	private CheckIn checkIn() {
		return new CheckIn(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Instant.now(), "QR", null);
	}

}
