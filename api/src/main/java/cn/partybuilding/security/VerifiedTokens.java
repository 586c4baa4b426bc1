package cn.partybuilding.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers access tokens whose signature was verified, for a short while. Checking a
 * signature is a large part of a request's work (RS256 about 30 µs of CPU with the JDK;
 * ES256, for EC keys, about 400 µs, most of a check-in), and an app presents the same
 * token with every request for its 15 minutes. The cache is keyed by the whole token,
 * signature included, so only the very token that was verified is ever found; on every
 * use the validators run again (expiry, issuer, audience), so a cached token stops
 * working the moment it expires. Bounded in entries and in time: a member's token is
 * verified again at most every {@code ttl}.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	private final @Nullable Cache<String, Jwt> verified;

	/**
	 * @param verifier checks the signature and then {@code validator}
	 * @param validator what must hold on every use
	 * @param size the most tokens remembered; 0 remembers none
	 * @param ttl how long a verified token is remembered
	 */
	VerifiedTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int size, Duration ttl) {
		this.verifier = verifier;
		this.validator = validator;
		this.verified = (size > 0) ? Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build() : null;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Cache<String, Jwt> cache = this.verified;
		if (cache == null) {
			return this.verifier.decode(token);
		}
		Jwt known = cache.getIfPresent(token);
		if (known != null && !this.validator.validate(known).hasErrors()) {
			return Mono.just(known);
		}
		// Unknown, or no longer valid: the verifier decides, and says why it refuses.
		return this.verifier.decode(token).doOnNext((jwt) -> cache.put(token, jwt));
	}

}
