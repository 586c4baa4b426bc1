package cn.partybuilding.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A verified token is not verified again while remembered, but is validated on every use.
 */
class VerifiedTokensTests {

	private final AtomicInteger verifications = new AtomicInteger();

	private Instant now = Instant.parse("2026-11-25T08:00:00Z");

	/** Verifies "good-*" tokens, refuses others; tokens expire at 08:15. */
	private final ReactiveJwtDecoder verifier = (token) -> {
		this.verifications.incrementAndGet();
		if (!token.startsWith("good-") || this.now.isAfter(Instant.parse("2026-11-25T08:15:00Z"))) {
			return Mono.error(new BadJwtException("refused"));
		}
		return Mono.just(Jwt.withTokenValue(token)
			.header("alg", "ES256")
			.subject("member")
			.expiresAt(Instant.parse("2026-11-25T08:15:00Z"))
			.build());
	};

	private final OAuth2TokenValidator<Jwt> validator = (jwt) -> this.now.isAfter(jwt.getExpiresAt())
			? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token"))
			: OAuth2TokenValidatorResult.success();

	@Test
	void aTokenIsVerifiedOnceWhileRemembered() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, this.validator, 100, Duration.ofMinutes(1));
		Jwt first = tokens.decode("good-1").block();
		Jwt second = tokens.decode("good-1").block();
		assertThat(second).isSameAs(first);
		assertThat(this.verifications).hasValue(1);
		tokens.decode("good-2").block();
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aRememberedTokenStopsWorkingWhenItExpires() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, this.validator, 100, Duration.ofMinutes(1));
		tokens.decode("good-1").block();
		this.now = Instant.parse("2026-11-25T08:15:01Z");
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("good-1").block());
	}

	@Test
	void aRefusedTokenIsNotRemembered() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, this.validator, 100, Duration.ofMinutes(1));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("forged").block());
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("forged").block());
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void sizeZeroVerifiesEveryTime() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifier, this.validator, 0, Duration.ofMinutes(1));
		tokens.decode("good-1").block();
		tokens.decode("good-1").block();
		assertThat(this.verifications).hasValue(2);
	}

}
