package cn.partybuilding.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import cn.partybuilding.personaldata.BlindIndex;
import cn.partybuilding.system.MasterKey;
import cn.partybuilding.system.PartySettings;

/**
 * One-time SMS login codes: six digits, valid five minutes, void after five wrong
 * entries, usable once. Kept in Redis (losing them only means asking for a new one) as an
 * HMAC, never in clear, under the phone's blind index.
 */
@Component
class SmsCodes {

	/**
	 * Checks a code and counts the attempt atomically: 1 = right (and used up), 0 = wrong
	 * or none.
	 */
	private static final RedisScript<Long> VERIFY = RedisScript.of("""
			local stored = redis.call('HGET', KEYS[1], 'code')
			if not stored then return 0 end
			local tries = redis.call('HINCRBY', KEYS[1], 'tries', 1)
			if tries > tonumber(ARGV[2]) then redis.call('DEL', KEYS[1]) return 0 end
			if stored == ARGV[1] then redis.call('DEL', KEYS[1]) return 1 end
			if tries >= tonumber(ARGV[2]) then redis.call('DEL', KEYS[1]) end
			return 0""", Long.class);

	private final SecureRandom random = new SecureRandom();

	private final ReactiveStringRedisTemplate redis;

	private final BlindIndex index;

	private final SecretKeySpec key;

	private final PartySettings.Login settings;

	SmsCodes(ReactiveStringRedisTemplate redis, BlindIndex index, MasterKey masterKey, PartySettings settings) {
		this.redis = redis;
		this.index = index;
		this.key = new SecretKeySpec(masterKey.derive("party/sms-code/v1"), "HmacSHA256");
		this.settings = settings.login();
	}

	/** A new code for the phone, replacing any earlier one. */
	Mono<String> issue(String phone) {
		String code = String.format("%06d", this.random.nextInt(1_000_000));
		String redisKey = redisKey(phone);
		return this.redis.opsForHash()
			.putAll(redisKey, Map.of("code", mac(phone, code), "tries", "0"))
			.then(this.redis.expire(redisKey, this.settings.smsCodeTtl()))
			.thenReturn(code);
	}

	/**
	 * Whether the code is the phone's current code; a right code is used up, wrong ones
	 * are counted.
	 */
	Mono<Boolean> verify(String phone, String code) {
		return this.redis
			.execute(VERIFY, List.of(redisKey(phone)),
					List.of(mac(phone, code), Integer.toString(this.settings.smsCodeAttempts())))
			.next()
			.map((result) -> result == 1L)
			.defaultIfEmpty(false);
	}

	private String redisKey(String phone) {
		return "party:sms:login:" + HexFormat.of().formatHex(this.index.phone(phone));
	}

	private String mac(String phone, String code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(phone.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
