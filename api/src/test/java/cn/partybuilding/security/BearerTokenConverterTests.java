package cn.partybuilding.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link BearerTokenConverter} reads the tokens Spring Security's converter reads and
 * refuses what it refuses.
 */
class BearerTokenConverterTests {

	/** Spring Security's own pattern (ServerBearerTokenAuthenticationConverter). */
	private static final Pattern SPRING = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
			Pattern.CASE_INSENSITIVE);

	private final BearerTokenConverter converter = new BearerTokenConverter();

	@Property(tries = 3000)
	void aHeaderGivesTheTokenSpringSecuritysPatternGives(@ForAll("authorizations") String header) {
		Matcher matcher = SPRING.matcher(header);
		assertThat(BearerTokenConverter.token(header)).isEqualTo(matcher.matches() ? matcher.group("token") : null);
	}

	@Property(tries = 500)
	void theConverterAnswersAsSpringSecuritysConverterAnswers(@ForAll("authorizations") String header) {
		assertThat(outcome(this.converter, header))
			.isEqualTo(outcome(new ServerBearerTokenAuthenticationConverter(), header));
	}

	@Example
	void aWellFormedTokenInAnyCaseOfTheScheme() {
		assertThat(token(this.converter.convert(exchange("Bearer abc.DEF-1_~+/==")).block()))
			.isEqualTo("abc.DEF-1_~+/==");
		assertThat(token(this.converter.convert(exchange("bEaReR abc")).block())).isEqualTo("abc");
	}

	@Example
	void noHeaderOrAnotherSchemeIsNoToken() {
		assertThat(this.converter.convert(MockServerWebExchange.from(MockServerHttpRequest.get("/x"))).blockOptional())
			.isEmpty();
		assertThat(this.converter.convert(exchange("Basic dXNlcjpwdw==")).blockOptional()).isEmpty();
	}

	@Example
	void aMalformedBearerTokenIsRefusedAsInvalid() {
		for (String header : new String[] { "Bearer", "Bearer ", "Bearer  abc", "Bearer a b", "Bearer abc=x",
				"Bearer ===", "Bearerabc", "Bearer abc\n" }) {
			assertThatThrownBy(() -> this.converter.convert(exchange(header)).block()).as(header)
				.isInstanceOfSatisfying(OAuth2AuthenticationException.class,
						(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token"));
		}
	}

	@Provide
	Arbitrary<String> authorizations() {
		Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ",
				"Bearerx", "");
		Arbitrary<String> body = Arbitraries.strings()
			.withChars("aZ09-._~+/= \t\n,;\"é")
			.ofMinLength(0)
			.ofMaxLength(12);
		return Combinators.combine(scheme, body).as((s, b) -> s + b);
	}

	private static String outcome(ServerAuthenticationConverter converter, String header) {
		try {
			return converter.convert(exchange(header))
				.blockOptional()
				.map((authentication) -> "token: " + token(authentication))
				.orElse("none");
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused: " + ex.getError().getErrorCode() + " " + ex.getError().getDescription();
		}
	}

	private static String token(Authentication authentication) {
		return ((BearerTokenAuthenticationToken) authentication).getToken();
	}

	private static MockServerWebExchange exchange(String authorization) {
		return MockServerWebExchange
			.from(MockServerHttpRequest.get("/x").header(HttpHeaders.AUTHORIZATION, authorization));
	}

}
