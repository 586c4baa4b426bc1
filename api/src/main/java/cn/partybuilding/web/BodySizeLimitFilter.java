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
 * Refuses, before reading any of it and before the token is even verified, a body
 * announced larger than its route could ever be allowed: 8 MiB on the import route, 1 MiB
 * everywhere else. Whether the caller may send more than 1 MiB to the import route is
 * decided once the caller is known, and bodies sent without a length are cut off while
 * they stream, by the caller's limit (the security package's
 * {@code BodyAllowanceFilter}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		long ceiling = LargeBodies.isImportRoute(exchange) ? LargeBodies.IMPORT_LIMIT : LargeBodies.GENERAL_LIMIT;
		if (length > ceiling) {
			return Mono.error(new DomainException(ErrorCode.PAYLOAD_TOO_LARGE));
		}
		return chain.filter(exchange);
	}

}
