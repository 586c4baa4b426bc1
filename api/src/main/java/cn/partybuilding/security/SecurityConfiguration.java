package cn.partybuilding.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

import cn.partybuilding.system.PartySettings;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.ProblemResponder;
import cn.partybuilding.web.problem.Problems;

/**
 * Stateless bearer-token security: every path needs a valid access token except logging
 * in, the JWK set, health and the API documentation. Tokens must be signed by one of our
 * keys (RS256, or ES256 for an EC key) with our issuer and audience and not expired;
 * anything else ({@code alg: none}, an HMAC made with the public key, a foreign issuer)
 * is a 401. Refusals are problems like every other error. Fine-grained, scoped checks
 * happen in the features through {@code org.AccessPolicy}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String API = "/api/v1";

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
			Problems problems, ProblemResponder responder) {
		var entryPoint = new ProblemEntryPoint(problems, responder);
		// @formatter:off
		return http
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers(HttpMethod.POST, API + "/auth/**").permitAll()
				.pathMatchers(HttpMethod.GET, API + "/.well-known/jwks.json", "/.well-known/jwks.json").permitAll()
				.pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
						"/webjars/**").permitAll()
				.pathMatchers("/actuator/**", API + "/admin/**").hasRole(Role.SYS_ADMIN.name())
				.anyExchange().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.bearerTokenConverter(bearerTokensExceptOnLogin())
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(entryPoint)
				.jwt((jwt) -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(SecurityConfiguration::authenticate)))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(entryPoint))
			.build();
		// @formatter:on
	}

	/**
	 * Spring Security's strict firewall, with its header rules checked by
	 * {@link HeaderCharacters}.
	 */
	@Bean
	ServerWebExchangeFirewall firewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
		firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
		return firewall;
	}

	/**
	 * Requests the firewall refuses before anything reads them (an encoded slash, percent
	 * sign or NUL in the path, a header value with control characters) get a {@code 400}
	 * problem like every other malformed request, not a bare status line.
	 */
	@Bean
	ServerExchangeRejectedHandler problemRejectedHandler(Problems problems, ProblemResponder responder) {
		return (exchange, rejected) -> {
			logger.warn("{} refused by the firewall: {}", exchange.getRequest().getMethod(), rejected.getMessage());
			return responder.write(exchange, problems.of(ErrorCode.MALFORMED_REQUEST, exchange));
		};
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(JwtKeys keys, PartySettings settings, SessionStates sessions) {
		JWKSet verification = new JWKSet(keys.verificationKeys());
		// The algorithms of our keys and no other; a key is chosen by the token's kid and
		// must be of the type its alg
		// names (RSA for RS256, EC P-256 for ES256), so no token can make one kind of key
		// verify another kind's
		// signature.
		Set<JWSAlgorithm> algorithms = keys.verificationAlgorithms()
			.stream()
			.map((algorithm) -> JWSAlgorithm.parse(algorithm.getName()))
			.collect(Collectors.toSet());
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource((jwt) -> Flux.fromIterable(verification.getKeys()))
			.jwtProcessorCustomizer((processor) -> processor
				.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, new JWKSecurityContextJWKSet())))
			.build();
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>("aud",
				(aud) -> aud != null && aud.contains(settings.jwt().audience()));
		// The session check runs on every use of a token, remembered or not, so an ended
		// session's tokens stop working
		// the moment this instance learns of the end.
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(settings.jwt().issuer()), audience,
				new SessionValidator(sessions));
		decoder.setJwtValidator(validator);
		return new VerifiedTokens(decoder, validator, settings.jwt().verifiedCacheSize(),
				settings.jwt().verifiedCacheTtl());
	}

	@Bean
	JwtEncoder jwtEncoder(JwtKeys keys) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(keys.signingKey())));
	}

	/**
	 * A stale token an app sends along when it logs in, refreshes or logs out must not
	 * stop it from doing so: on those paths the Authorization header is not read at all
	 * (logging out names its session by the refresh token).
	 */
	private static ServerAuthenticationConverter bearerTokensExceptOnLogin() {
		BearerTokenConverter bearer = new BearerTokenConverter();
		return (exchange) -> isLoginPath(exchange) ? Mono.empty() : bearer.convert(exchange);
	}

	private static boolean isLoginPath(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().value();
		return path.startsWith(API + "/auth/");
	}

	private static Mono<AbstractAuthenticationToken> authenticate(Jwt jwt) {
		Caller caller = CallerResolver.from(jwt);
		List<GrantedAuthority> authorities = new ArrayList<>();
		caller.roles()
			.stream()
			.map((grant) -> grant.role().name())
			.distinct()
			.forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		return Mono.just(new JwtAuthenticationToken(jwt, authorities,
				Objects.requireNonNull(jwt.getSubject(), "CallerResolver read the caller from it")));
	}

	/**
	 * Answers 401 and 403 with problems, and says {@code WWW-Authenticate: Bearer} as RFC
	 * 6750 asks.
	 */
	static final class ProblemEntryPoint implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

		private final Problems problems;

		private final ProblemResponder responder;

		ProblemEntryPoint(Problems problems, ProblemResponder responder) {
			this.problems = problems;
			this.responder = responder;
		}

		@Override
		public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
			boolean tokenSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
			return this.responder.write(exchange, this.problems.of(ErrorCode.UNAUTHORIZED, exchange));
		}

		@Override
		public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
			return this.responder.write(exchange, this.problems.of(ErrorCode.FORBIDDEN, exchange));
		}

	}

}
