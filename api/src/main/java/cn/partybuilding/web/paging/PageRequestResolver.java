package cn.partybuilding.web.paging;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.server.ServerWebExchange;

import cn.partybuilding.web.ArgumentResolver;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * Resolves a {@link PageRequest} controller parameter from the {@code limit} (1 to 100,
 * default 20) and {@code cursor} query parameters; anything else is a {@code 400} naming
 * the parameter.
 */
@Component
class PageRequestResolver implements ArgumentResolver {

	private final CursorCodec cursors;

	PageRequestResolver(CursorCodec cursors) {
		this.cursors = cursors;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return PageRequest.class.equals(parameter.getParameterType());
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		return Mono.fromSupplier(() -> resolve(exchange));
	}

	PageRequest resolve(ServerWebExchange exchange) {
		var query = exchange.getRequest().getQueryParams();
		String path = exchange.getRequest().getPath().value();
		int limit = limit(query.getFirst("limit"));
		String cursor = query.getFirst("cursor");
		List<String> after = List.of();
		if (cursor != null && !cursor.isEmpty()) {
			after = this.cursors.decode(path, cursor)
				.orElseThrow(() -> DomainException.invalid(Violation.of("cursor", "cursor")));
		}
		return new PageRequest(limit, after, (position) -> this.cursors.encode(path, position));
	}

	private static int limit(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return PageRequest.DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value.trim());
			if (limit >= 1 && limit <= PageRequest.MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// answered below, like an out-of-range number
		}
		throw DomainException.invalid(Violation.of("limit", "limit", PageRequest.MAX_LIMIT));
	}

}
