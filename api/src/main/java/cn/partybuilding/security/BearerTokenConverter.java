package cn.partybuilding.security;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the access token from {@code Authorization: Bearer …} (RFC 6750, 2.1), and from
 * nowhere else: the same tokens, and the same refusals, as Spring Security's
 * {@code ServerBearerTokenAuthenticationConverter} with its defaults, which matches a
 * regular expression and merges three reactive sources on every request; this scans the
 * header once.
 * <p>
 * No {@code bearer} scheme: no token (the request goes on as anonymous). The scheme with
 * anything but {@code b64token} after it: 401 {@code invalid_token}, "Bearer token is
 * malformed".
 */
final class BearerTokenConverter implements ServerAuthenticationConverter {

	private static final String SCHEME = "bearer";

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return Mono.empty();
		}
		String token = token(header);
		if (token == null) {
			return Mono
				.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
		}
		return Mono.just(new BearerTokenAuthenticationToken(token));
	}

	/**
	 * The token of an {@code Authorization} header value, {@code null} unless the value
	 * is {@code Bearer} (in any case), one space, and a {@code b64token}:
	 * {@code [A-Za-z0-9-._~+/]+=*}.
	 */
	static @Nullable String token(String header) {
		int start = SCHEME.length() + 1;
		if (header.length() <= start || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
				|| header.charAt(SCHEME.length()) != ' ') {
			return null;
		}
		int i = start;
		while (i < header.length() && isTokenCharacter(header.charAt(i))) {
			i++;
		}
		if (i == start) {
			return null;
		}
		while (i < header.length() && header.charAt(i) == '=') {
			i++;
		}
		return (i == header.length()) ? header.substring(start) : null;
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
