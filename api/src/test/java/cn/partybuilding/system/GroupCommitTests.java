package cn.partybuilding.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@Test
	void anItemThatFindsAFreeSlotIsWrittenAtOnceAlone() {
		HeldWriter writer = new HeldWriter();
		GroupCommit<Integer, Integer> commits = new GroupCommit<>(writer, 10, 2, (ex) -> true);

		Mono<Integer> answer = commits.submit(7).cache();
		answer.subscribe();

		assertThat(writer.batches()).containsExactly(List.of(7));
		writer.release(0);
		assertThat(answer.block(WAIT)).isEqualTo(14);
		assertThat(commits.inFlight()).isZero();
	}

	@Test
	void itemsThatArriveWhileEverySlotIsBusyGoTogetherInTheNextBatch() {
		HeldWriter writer = new HeldWriter();
		GroupCommit<Integer, Integer> commits = new GroupCommit<>(writer, 10, 1, (ex) -> true);
		List<Mono<Integer>> answers = IntStream.rangeClosed(1, 4).mapToObj((i) -> commits.submit(i).cache()).toList();

		answers.forEach(Mono::subscribe);
		assertThat(writer.batches()).containsExactly(List.of(1));

		writer.release(0);
		assertThat(writer.batches()).containsExactly(List.of(1), List.of(2, 3, 4));
		writer.release(1);
		assertThat(answers.stream().map((answer) -> answer.block(WAIT))).containsExactly(2, 4, 6, 8);
	}

	@Test
	void aBatchHoldsAtMostMaxBatchItems() {
		HeldWriter writer = new HeldWriter();
		GroupCommit<Integer, Integer> commits = new GroupCommit<>(writer, 2, 1, (ex) -> true);
		List<Mono<Integer>> answers = IntStream.rangeClosed(1, 6).mapToObj((i) -> commits.submit(i).cache()).toList();
		answers.forEach(Mono::subscribe);

		for (int i = 0; i < 4; i++) {
			writer.release(i);
		}

		assertThat(writer.batches()).containsExactly(List.of(1), List.of(2, 3), List.of(4, 5), List.of(6));
		assertThat(answers.stream().map((answer) -> answer.block(WAIT))).containsExactly(2, 4, 6, 8, 10, 12);
	}

	@Test
	void aBatchThatFailsForOneItemIsWrittenAgainItemByItemAndOnlyThatItemFails() {
		HeldWriter writer = new HeldWriter();
		writer.failOn(13, new IllegalArgumentException("thirteen"));
		GroupCommit<Integer, Integer> commits = new GroupCommit<>(writer, 10, 1, (ex) -> true);
		Mono<Integer> first = commits.submit(1).cache();
		first.subscribe();
		List<Mono<Integer>> answers = List.of(2, 13, 4).stream().map((i) -> commits.submit(i).cache()).toList();
		answers.forEach((answer) -> answer.subscribe(null, (ex) -> {
		}));

		writer.release(0);
		// One at a time with one slot: the batch's slot, never more connections than the
		// batches would take.
		assertThat(writer.batches()).containsExactly(List.of(1), List.of(2, 13, 4), List.of(2));
		writer.release(2);
		assertThat(writer.batches()).containsExactly(List.of(1), List.of(2, 13, 4), List.of(2), List.of(13),
				List.of(4));
		writer.release(4);

		assertThat(answers.get(0).block(WAIT)).isEqualTo(4);
		assertThatThrownBy(() -> answers.get(1).block(WAIT)).hasMessage("thirteen");
		assertThat(answers.get(2).block(WAIT)).isEqualTo(8);
		assertThat(commits.inFlight()).isZero();
	}

	@Test
	void aBatchThatCouldNotReachTheDatabaseFailsWholeWithoutTryingEachItem() {
		HeldWriter writer = new HeldWriter();
		IllegalStateException down = new IllegalStateException("database down");
		GroupCommit<Integer, Integer> commits = new GroupCommit<>(writer, 10, 1, (ex) -> ex != down);
		commits.submit(1).cache().subscribe();
		List<Mono<Integer>> answers = List.of(2, 3).stream().map((i) -> commits.submit(i).cache()).toList();
		answers.forEach((answer) -> answer.subscribe(null, (ex) -> {
		}));

		writer.release(0);
		writer.fail(1, down);

		assertThat(writer.batches()).containsExactly(List.of(1), List.of(2, 3));
		answers.forEach((answer) -> assertThatThrownBy(() -> answer.block(WAIT)).isSameAs(down));
		assertThat(commits.inFlight()).isZero();
	}

	@Test
	void aWriterThatAnswersTooFewResultsFailsTheBatchInsteadOfLeavingItemsWaiting() {
		GroupCommit<Integer, Integer> commits = new GroupCommit<>((items) -> Mono.just(List.of()), 10, 1,
				(ex) -> false);

		assertThatThrownBy(() -> commits.submit(1).block(WAIT)).hasMessageContaining("0 results for 1 items");
		assertThat(commits.inFlight()).isZero();
	}

	@Test
	void aRequesterThatGoesAwayNeitherCancelsNorSplitsItsBatch() {
		HeldWriter writer = new HeldWriter();
		GroupCommit<Integer, Integer> commits = new GroupCommit<>(writer, 10, 1, (ex) -> true);
		commits.submit(1).subscribe();
		Disposable leaving = commits.submit(2).subscribe();
		Mono<Integer> staying = commits.submit(3).cache();
		staying.subscribe();

		leaving.dispose();
		writer.release(0);
		writer.release(1);

		assertThat(writer.batches()).containsExactly(List.of(1), List.of(2, 3));
		assertThat(writer.cancelled()).isZero();
		assertThat(staying.block(WAIT)).isEqualTo(6);
	}

	@Test
	void manyItemsFromManyThreadsAreEachWrittenOnceAndAnsweredWithTheirOwnResult() throws Exception {
		int items = 5_000;
		int maxInFlight = 3;
		AtomicInteger writing = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		Map<Integer, Integer> written = new ConcurrentHashMap<>();
		List<Integer> batchSizes = new CopyOnWriteArrayList<>();
		GroupCommit<Integer, Integer> commits = new GroupCommit<>((batch) -> Mono.fromCallable(() -> {
			int now = writing.incrementAndGet();
			mostAtOnce.accumulateAndGet(now, Math::max);
			batchSizes.add(batch.size());
			batch.forEach((item) -> written.merge(item, 1, Integer::sum));
			return batch.stream().map((item) -> -item).toList();
		})
			.delayElement(Duration.ofMillis(ThreadLocalRandom.current().nextInt(3)))
			.doOnNext((done) -> writing.decrementAndGet()), 50, maxInFlight, (ex) -> true);
		Map<Integer, Integer> answers = new ConcurrentHashMap<>();
		CountDownLatch done = new CountDownLatch(items);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			for (int i = 0; i < items; i++) {
				int item = i;
				threads.execute(() -> commits.submit(item).subscribe((result) -> {
					answers.put(item, result);
					done.countDown();
				}));
			}
			assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(written).hasSize(items).allSatisfy((item, times) -> assertThat(times).isOne());
		assertThat(answers).hasSize(items).allSatisfy((item, result) -> assertThat(result).isEqualTo(-item));
		assertThat(mostAtOnce.get()).isLessThanOrEqualTo(maxInFlight);
		assertThat(Collections.max(batchSizes)).isLessThanOrEqualTo(50);
		assertThat(batchSizes).hasSizeLessThan(items);
		assertThat(commits.inFlight()).isZero();
	}

	/**
	 * A writer whose batches stay unanswered until the test releases or fails them by
	 * their number (in the order they came), except those with an item it was told to
	 * fail on, which fail at once.
	 */
	private static final class HeldWriter implements Function<List<Integer>, Mono<List<Integer>>> {

		private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

		private final Map<Integer, Sinks.One<List<Integer>>> answers = new ConcurrentHashMap<>();

		private final Map<Integer, RuntimeException> failures = new ConcurrentHashMap<>();

		private final AtomicInteger cancelled = new AtomicInteger();

		@Override
		public synchronized Mono<List<Integer>> apply(List<Integer> batch) {
			int number = this.batches.size();
			this.batches.add(batch);
			for (Integer item : batch) {
				RuntimeException failure = this.failures.get(item);
				if (failure != null) {
					return Mono.error(failure);
				}
			}
			Sinks.One<List<Integer>> answer = Sinks.one();
			this.answers.put(number, answer);
			return answer.asMono().doOnCancel(this.cancelled::incrementAndGet);
		}

		void failOn(int item, RuntimeException failure) {
			this.failures.put(item, failure);
		}

		void release(int batch) {
			List<Integer> doubled = this.batches.get(batch).stream().map((item) -> item * 2).toList();
			assertThat(this.answers.get(batch).tryEmitValue(doubled).isSuccess()).isTrue();
		}

		void fail(int batch, RuntimeException failure) {
			assertThat(this.answers.get(batch).tryEmitError(failure).isSuccess()).isTrue();
		}

		List<List<Integer>> batches() {
			return new ArrayList<>(this.batches);
		}

		int cancelled() {
			return this.cancelled.get();
		}

	}

}
