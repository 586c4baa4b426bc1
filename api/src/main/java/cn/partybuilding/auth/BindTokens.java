package cn.partybuilding.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Short-lived tokens that stand for a WeChat openid not yet bound to an account, between
 * the mini program's login and the member proving their phone number. Kept in Redis for
 * ten minutes; the openid never reaches the client.
 */
@Component
class BindTokens {

	static final Duration TTL = Duration.ofMinutes(10);

	private final SecureRandom random = new SecureRandom();

	private final ReactiveStringRedisTemplate redis;

	BindTokens(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	Mono<String> issue(String openid) {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return this.redis.opsForValue().set(key(token), openid, TTL).thenReturn(token);
	}

	/**
	 * The openid the token stands for; the token is used up. Empty when unknown or
	 * expired.
	 */
	Mono<String> redeem(String token) {
		return this.redis.opsForValue().getAndDelete(key(token));
	}

	private static String key(String token) {
		return "party:wechat:bind:" + token;
	}

}
