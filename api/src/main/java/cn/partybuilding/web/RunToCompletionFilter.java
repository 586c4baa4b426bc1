package cn.partybuilding.web;

import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A request, once started, runs to its end even when its client goes away: the check-in, the booking, the approval
 * either commits whole or rolls back whole, and nothing is cut off in the middle of a transaction.
 * <p>
 * A client that gives up (the phone lost its signal, a proxy timed out) cancels the request's reactive chain.
 * Cancelling a transaction in flight rolls it back in theory; in practice r2dbc-pool gives the connection back to the
 * pool at the moment of the cancellation, with the transaction still open, and the next borrower's {@code COMMIT}
 * committed half of the abandoned one: under overload {@code bench/checkin} found check-ins committed without their
 * points event. So the cancellation stops here: the rest of the chain runs on, and only its answer is dropped.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RunToCompletionFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.deferContextual((context) -> {
			AtomicBoolean abandoned = new AtomicBoolean();
			// What fails after the client left (writing to its closed connection, above all) has nobody to go to.
			Mono<Void> work = chain.filter(exchange)
				.onErrorResume((ex) -> abandoned.get(), (ex) -> Mono.empty())
				.contextWrite(context);
			return Mono.fromFuture(work.toFuture(), true).doOnCancel(() -> abandoned.set(true));
		});
	}

}
