package cn.partybuilding.web;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * Refuses query parameters and path segments with a NUL character ({@code %00}) before
 * any endpoint binds them, with a {@code 400} naming the parameter ({@code path} for the
 * path): they may be stored or looked up as text, and PostgreSQL fails a statement with
 * one (see {@link InputText}). JSON bodies are checked as they are read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class StorableTextFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
			if (!InputText.isStorable(parameter.getKey())
					|| !parameter.getValue().stream().allMatch(InputText::isStorable)) {
				return refuse(InputText.isStorable(parameter.getKey()) ? parameter.getKey() : "query");
			}
		}
		for (PathContainer.Element element : exchange.getRequest().getPath().pathWithinApplication().elements()) {
			if (element instanceof PathContainer.PathSegment segment && !InputText.isStorable(segment.valueToMatch())) {
				return refuse("path");
			}
		}
		return chain.filter(exchange);
	}

	private static Mono<Void> refuse(String field) {
		return Mono.error(DomainException.invalid(Violation.of(field, InputText.MESSAGE_KEY)));
	}

}
