package cn.partybuilding.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an id, returns it in {@code X-Request-Id} and writes one access
 * line per request at DEBUG (logger {@code party.access}: method, path without the query,
 * status, duration). The query is left out because it may carry a position.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

	private static final Logger access = LoggerFactory.getLogger("party.access");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = RequestIds.of(exchange);
		exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
		if (!access.isDebugEnabled()) {
			return chain.filter(exchange);
		}
		long start = System.nanoTime();
		return chain.filter(exchange)
			.doFinally((signal) -> access.debug("{} {} {} {}ms [requestId={}]", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath().value(), exchange.getResponse().getStatusCode(),
					(System.nanoTime() - start) / 1_000_000, id));
	}

}
