package cn.partybuilding.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Refuses a body announced larger than the limit before reading any of it. Bodies sent without a length are cut off
 * by the codecs' in-memory limit ({@code spring.codec.max-in-memory-size}), which becomes the same 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > LargeBodies.GENERAL_LIMIT && !LargeBodies.allowedLarge(exchange)) {
			return Mono.error(new DomainException(ErrorCode.PAYLOAD_TOO_LARGE));
		}
		return chain.filter(exchange);
	}

}
