package cn.partybuilding.security;

import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.partybuilding.web.LargeBodies;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Decides how much body the caller may send, once the token has been verified and before
 * anything reads the body: up to 8 MiB on the import route for a token with a role that
 * may import (ORG_ADMIN or SYS_ADMIN; whether it covers the unit is the import's own
 * check, made before it reads), 1 MiB for every other request. A larger announced length
 * is refused unread; a body without a length is cut off once it passes the limit. The
 * anonymous never get here on the import route: the security chain has answered 401
 * without reading.
 */
@Component
class BodyAllowanceFilter implements WebFilter, Ordered {

	private static final Set<String> IMPORTING = Set.of("ROLE_" + Role.ORG_ADMIN.name(),
			"ROLE_" + Role.SYS_ADMIN.name());

	/**
	 * After Spring Security (-100), which establishes the caller; before idempotency (0),
	 * which reads bodies.
	 */
	@Override
	public int getOrder() {
		return -50;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Mono<Boolean> mayImport = LargeBodies.isImportRoute(exchange) ? ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.map(BodyAllowanceFilter::mayImport)
			.defaultIfEmpty(false) : Mono.just(false);
		return mayImport.flatMap((allowed) -> {
			long limit = allowed ? LargeBodies.IMPORT_LIMIT : LargeBodies.GENERAL_LIMIT;
			if (exchange.getRequest().getHeaders().getContentLength() > limit) {
				return Mono.error(new DomainException(ErrorCode.PAYLOAD_TOO_LARGE));
			}
			LargeBodies.grant(exchange, limit);
			return chain.filter(exchange.mutate().request(new LimitedBody(exchange.getRequest(), limit)).build());
		});
	}

	private static boolean mayImport(Authentication authentication) {
		return authentication.isAuthenticated() && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(IMPORTING::contains);
	}

	/** The request with its body cut off at the limit while it streams. */
	private static final class LimitedBody extends ServerHttpRequestDecorator {

		private final long limit;

		LimitedBody(ServerHttpRequest delegate, long limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return LargeBodies.limit(super.getBody(), this.limit);
		}

	}

}
