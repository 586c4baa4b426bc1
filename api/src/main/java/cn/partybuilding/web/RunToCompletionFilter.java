package cn.partybuilding.web;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A request, once started, runs to its end even when its client goes away: the check-in,
 * the booking, the approval either commits whole or rolls back whole, and nothing is cut
 * off in the middle of a transaction.
 * <p>
 * A client that gives up (the phone lost its signal, a proxy timed out) cancels the
 * request's reactive chain. Cancelling a transaction in flight rolls it back in theory;
 * in practice r2dbc-pool gives the connection back to the pool at the moment of the
 * cancellation, with the transaction still open, and the next borrower's {@code COMMIT}
 * commits half of the abandoned one (a check-in without its points event). So the
 * cancellation stops here: the rest of the chain runs on, and only its answer is dropped.
 * <p>
 * One small operator rather than a detour through a {@code CompletableFuture}: this runs
 * on every request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RunToCompletionFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return new RunToCompletion(chain.filter(exchange));
	}

	/** The work, which a cancellation from downstream does not reach. */
	static final class RunToCompletion extends MonoOperator<Void, Void> {

		RunToCompletion(Mono<Void> work) {
			super(work);
		}

		@Override
		public void subscribe(CoreSubscriber<? super Void> actual) {
			this.source.subscribe(new Detached(actual));
		}

	}

	/**
	 * Passes the work's end on until the requester cancels; after that the work goes on
	 * and its end, or whatever fails after the client left (writing to its closed
	 * connection, above all), has nobody to go to.
	 */
	static final class Detached implements CoreSubscriber<Void>, Subscription {

		private final CoreSubscriber<? super Void> actual;

		private volatile boolean abandoned;

		Detached(CoreSubscriber<? super Void> actual) {
			this.actual = actual;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription work) {
			this.actual.onSubscribe(this);
			// The work runs whether or not its requester still asks for the answer.
			work.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(Void nothing) {
			// A Mono<Void> completes without a value.
		}

		@Override
		public void onError(Throwable ex) {
			if (!this.abandoned) {
				this.actual.onError(ex);
			}
		}

		@Override
		public void onComplete() {
			if (!this.abandoned) {
				this.actual.onComplete();
			}
		}

		@Override
		public void request(long n) {
			// Already asked for everything in onSubscribe.
		}

		@Override
		public void cancel() {
			this.abandoned = true;
		}

	}

}
