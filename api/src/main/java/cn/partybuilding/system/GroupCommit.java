package cn.partybuilding.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes many small, independent changes in few transactions (group commit). An item that
 * finds a free slot is written at once, alone, so a quiet server adds no delay; items
 * that arrive while every slot is busy wait together and go in the next batch, so under
 * load one transaction carries many of them and the database commits, and the server
 * makes its round trips, once per batch instead of once per item.
 * <p>
 * A batch is written on its own, apart from the requests that wait for it: a requester
 * that goes away neither cancels nor splits it. A batch that fails is written again item
 * by item, so one bad item fails only itself; unless the failure says the database cannot
 * be reached, which fails the whole batch at once rather than every item after another
 * wait.
 *
 * @param <T> an item to write
 * @param <R> what writing an item gave
 */
public final class GroupCommit<T, R> {

	private final Function<List<T>, Mono<List<R>>> writer;

	private final int maxBatch;

	private final int maxInFlight;

	private final Predicate<Throwable> worthRetryingAlone;

	private final Queue<Waiting<T, R>> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	/**
	 * @param writer writes a batch in one transaction and answers one result per item, in
	 * the items' order
	 * @param maxBatch the most items in one batch
	 * @param maxInFlight the most batches being written at the same time
	 * @param worthRetryingAlone whether a batch that failed this way is written again
	 * item by item
	 */
	public GroupCommit(Function<List<T>, Mono<List<R>>> writer, int maxBatch, int maxInFlight,
			Predicate<Throwable> worthRetryingAlone) {
		if (maxBatch < 1 || maxInFlight < 1) {
			throw new IllegalArgumentException("maxBatch and maxInFlight must be at least 1");
		}
		this.writer = Objects.requireNonNull(writer, "writer");
		this.maxBatch = maxBatch;
		this.maxInFlight = maxInFlight;
		this.worthRetryingAlone = Objects.requireNonNull(worthRetryingAlone, "worthRetryingAlone");
	}

	/** Writes the item with the next batch; its result once that batch committed. */
	public Mono<R> submit(T item) {
		Objects.requireNonNull(item, "item");
		return Mono.defer(() -> {
			Waiting<T, R> waiting = new Waiting<>(item, new CompletableFuture<>());
			this.queue.add(waiting);
			drain();
			// Cancelling the requester leaves the batch alone: only the answer is not
			// delivered.
			return Mono.fromFuture(waiting.result(), true);
		});
	}

	/** Batches being written now; for tests and metrics. */
	int inFlight() {
		return this.inFlight.get();
	}

	private void drain() {
		// Whoever adds an item and whoever frees a slot both drain afterwards, so an item
		// never waits with a free slot.
		while (!this.queue.isEmpty()) {
			int current = this.inFlight.get();
			if (current >= this.maxInFlight) {
				return;
			}
			if (!this.inFlight.compareAndSet(current, current + 1)) {
				continue;
			}
			List<Waiting<T, R>> batch = new ArrayList<>();
			Waiting<T, R> next;
			while (batch.size() < this.maxBatch && (next = this.queue.poll()) != null) {
				batch.add(next);
			}
			if (batch.isEmpty()) {
				this.inFlight.decrementAndGet();
				continue;
			}
			write(batch);
		}
	}

	private void write(List<Waiting<T, R>> batch) {
		results(batch).subscribe((results) -> {
			// The next batch first, then the answers: answering runs each requester's
			// rest on this thread.
			release();
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).result().complete(results.get(i));
			}
		}, (ex) -> {
			if (batch.size() > 1 && this.worthRetryingAlone.test(ex)) {
				writeAlone(batch);
			}
			else {
				release();
				batch.forEach((waiting) -> waiting.result().completeExceptionally(ex));
			}
		});
	}

	/**
	 * Writes each item of a failed batch in a transaction of its own, keeping the batch's
	 * slot until all are done; at most {@code maxInFlight} of them at a time, so a failed
	 * batch never asks the pool for more connections than the batches themselves would.
	 */
	private void writeAlone(List<Waiting<T, R>> batch) {
		Flux.fromIterable(batch)
			.flatMap((waiting) -> results(List.of(waiting))
				.doOnNext((results) -> waiting.result().complete(results.get(0)))
				.onErrorResume((ex) -> {
					waiting.result().completeExceptionally(ex);
					return Mono.empty();
				}), this.maxInFlight)
			.doFinally((signal) -> release())
			.subscribe();
	}

	/** Writes the items in one transaction: one result per item, in their order. */
	private Mono<List<R>> results(List<Waiting<T, R>> items) {
		return Mono.defer(() -> this.writer.apply(items.stream().map(Waiting::item).toList()))
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("The writer gave no results")))
			.flatMap((results) -> (results.size() == items.size()) ? Mono.just(results)
					: Mono.error(new IllegalStateException(
							"The writer gave " + results.size() + " results for " + items.size() + " items")));
	}

	private void release() {
		this.inFlight.decrementAndGet();
		drain();
	}

	private record Waiting<T, R>(T item, CompletableFuture<R> result) {
	}

}
