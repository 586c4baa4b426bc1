package cn.partybuilding.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.server.ServerWebExchange;

import cn.partybuilding.web.ArgumentResolver;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Gives controllers the {@link Caller} of the request, read from its verified access
 * token.
 */
@Component
class CallerResolver implements ArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		return current().cast(Object.class)
			.switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.UNAUTHORIZED)));
	}

	/** The caller of the current request, empty when the request is not authenticated. */
	static Mono<Caller> current() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((authentication) -> from(((JwtAuthenticationToken) authentication).getToken()));
	}

	static Caller from(Jwt jwt) {
		List<RoleGrant> grants = new ArrayList<>();
		List<Object> roles = jwt.getClaim(TokenIssuer.ROLES);
		if (roles != null) {
			for (Object role : roles) {
				if (role instanceof Map<?, ?> claim && claim.get("role") instanceof String name) {
					grants.add(new RoleGrant(Role.valueOf(name), uuid(claim.get("scope"))));
				}
			}
		}
		return new Caller(UUID.fromString(jwt.getSubject()), uuid(jwt.getClaim(TokenIssuer.BRANCH_ID)), grants,
				uuid(jwt.getClaim(TokenIssuer.SESSION_ID)));
	}

	private static @Nullable UUID uuid(@Nullable Object value) {
		return (value instanceof String text) ? UUID.fromString(text) : null;
	}

}
