package cn.partybuilding.auth;

import java.time.Duration;
import java.util.HexFormat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.personaldata.BlindIndex;
import cn.partybuilding.system.PartySettings;
import cn.partybuilding.web.problem.TooManyRequests;

/**
 * Brute-force protection: failed logins are counted per phone number and per client address; once either budget is
 * spent, logins are refused with 429 and {@code Retry-After} until it refills. SMS codes are limited per phone (a
 * minute apart, a few a day) and per address. Phones appear in Redis keys only as their blind index.
 */
@Component
class LoginThrottle {

	private final RateLimits limits;

	private final BlindIndex index;

	private final PartySettings.Login settings;

	LoginThrottle(RateLimits limits, BlindIndex index, PartySettings settings) {
		this.limits = limits;
		this.index = index;
		this.settings = settings.login();
	}

	/** Errors with {@link TooManyRequests} while failures for this phone or address are over budget. */
	Mono<Void> checkLogin(String phone, String address) {
		return Mono
			.zip(this.limits.waitFor(phoneKey(phone), this::failuresPerPhone, 1),
					this.limits.waitFor(addressKey(address), this::failuresPerAddress, 1))
			.flatMap((waits) -> refuseIfWaiting(longest(waits.getT1(), waits.getT2())));
	}

	Mono<Void> recordFailure(String phone, String address) {
		return Mono
			.when(this.limits.take(phoneKey(phone), this::failuresPerPhone, 1),
					this.limits.take(addressKey(address), this::failuresPerAddress, 1));
	}

	Mono<Void> recordSuccess(String phone) {
		return this.limits.reset(phoneKey(phone), this::failuresPerPhone);
	}

	/** Takes one SMS from the phone's and the address's budgets, or errors with {@link TooManyRequests}. */
	Mono<Void> takeSms(String phone, String address) {
		return this.limits.take("sms:addr:" + address, this::smsPerAddress, 1)
			.flatMap(this::refuseIfWaiting)
			.then(this.limits.take("sms:phone:" + hex(phone), this::smsPerPhone, 1))
			.flatMap(this::refuseIfWaiting);
	}

	private Mono<Void> refuseIfWaiting(Duration wait) {
		return wait.isZero() ? Mono.empty() : Mono.error(new TooManyRequests(wait));
	}

	private String phoneKey(String phone) {
		return "login:phone:" + hex(phone);
	}

	private static String addressKey(String address) {
		return "login:addr:" + address;
	}

	private String hex(String phone) {
		return HexFormat.of().formatHex(this.index.phone(phone));
	}

	private BucketConfiguration failuresPerPhone() {
		return perWindow(this.settings.failuresPerPhone(), this.settings.failureWindow());
	}

	private BucketConfiguration failuresPerAddress() {
		return perWindow(this.settings.failuresPerAddress(), this.settings.failureWindow());
	}

	private BucketConfiguration smsPerPhone() {
		return BucketConfiguration.builder()
			.addLimit(limit(this.settings.smsPerPhonePerMinute(), Duration.ofMinutes(1)))
			.addLimit(limit(this.settings.smsPerPhonePerDay(), Duration.ofDays(1)))
			.build();
	}

	private BucketConfiguration smsPerAddress() {
		return perWindow(this.settings.smsPerAddressPerHour(), Duration.ofHours(1));
	}

	private static BucketConfiguration perWindow(int tokens, Duration window) {
		return BucketConfiguration.builder().addLimit(limit(tokens, window)).build();
	}

	private static Bandwidth limit(int tokens, Duration window) {
		return Bandwidth.builder().capacity(tokens).refillIntervally(tokens, window).build();
	}

	private static Duration longest(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
