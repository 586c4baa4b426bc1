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
 * Brute-force protection of every way to prove who one is (password, SMS code, the SMS
 * code of a WeChat binding): each attempt takes one failure from the phone's budget and
 * one from the client address's budget <em>before</em> the secret is checked, atomically
 * in Redis (bucket4j), so any number of parallel attempts, on any number of instances,
 * checks no more secrets than the budgets hold. An attempt that succeeds gives back what
 * it took (and clears the phone's failures); one that fails keeps them. Once a budget is
 * spent, attempts are refused with 429 and {@code Retry-After} without anything being
 * checked.
 * <p>
 * The two budgets are shaped for who shares them. A phone is one person: a few failures
 * per window ({@code failuresPerPhone} per {@code failureWindow}). An address can be a
 * meeting venue's Wi-Fi or a carrier's NAT, with hundreds of members logging in through
 * it, a few dozen mistyping once: its budget holds a burst ({@code failuresPerAddress}),
 * with room for the attempts in flight at once, and refills one failure every
 * {@code addressRefillPeriod}, so an address spraying guesses over many phones is held to
 * that pace. Phones appear in Redis keys only as their blind index.
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

	/**
	 * Takes one failure from the address's and the phone's budgets for an attempt about
	 * to check a secret, or errors with {@link TooManyRequests} (taking nothing) when
	 * either is spent.
	 */
	Mono<Attempt> begin(String phone, String address) {
		Attempt attempt = new Attempt(phoneKey(phone), addressKey(address));
		return this.limits.take(attempt.addressKey(), this::failuresPerAddress, 1)
			.flatMap((addressWait) -> !addressWait.isZero() ? refuse(addressWait) : this.limits
				.take(attempt.phoneKey(), this::failuresPerPhone, 1)
				.flatMap((phoneWait) -> phoneWait.isZero() ? Mono.just(attempt)
						: this.limits.give(attempt.addressKey(), this::failuresPerAddress, 1).then(refuse(phoneWait))));
	}

	/**
	 * The secret was right: the phone's failures are forgiven, and the address gets back
	 * what the attempt took.
	 */
	Mono<Void> succeeded(Attempt attempt) {
		return Mono.when(this.limits.reset(attempt.phoneKey(), this::failuresPerPhone),
				this.limits.give(attempt.addressKey(), this::failuresPerAddress, 1));
	}

	/**
	 * Takes one SMS from the phone's and the address's budgets, or errors with
	 * {@link TooManyRequests}.
	 */
	Mono<Void> takeSms(String phone, String address) {
		return this.limits.take("sms:addr:" + address, this::smsPerAddress, 1)
			.flatMap(this::refuseIfWaiting)
			.then(this.limits.take("sms:phone:" + hex(phone), this::smsPerPhone, 1))
			.flatMap(this::refuseIfWaiting);
	}

	private Mono<Void> refuseIfWaiting(Duration wait) {
		return wait.isZero() ? Mono.empty() : refuse(wait);
	}

	private static <T> Mono<T> refuse(Duration wait) {
		return Mono.error(new TooManyRequests(wait));
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
		int failures = this.settings.failuresPerPhone();
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(failures)
				.refillIntervally(failures, this.settings.failureWindow())
				.build())
			.build();
	}

	private BucketConfiguration failuresPerAddress() {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.settings.failuresPerAddress())
				.refillGreedy(1, this.settings.addressRefillPeriod())
				.build())
			.build();
	}

	private BucketConfiguration smsPerPhone() {
		return BucketConfiguration.builder()
			.addLimit(limit(this.settings.smsPerPhonePerMinute(), Duration.ofMinutes(1)))
			.addLimit(limit(this.settings.smsPerPhonePerDay(), Duration.ofDays(1)))
			.build();
	}

	private BucketConfiguration smsPerAddress() {
		return BucketConfiguration.builder()
			.addLimit(limit(this.settings.smsPerAddressPerHour(), Duration.ofHours(1)))
			.build();
	}

	private static Bandwidth limit(int tokens, Duration window) {
		return Bandwidth.builder().capacity(tokens).refillIntervally(tokens, window).build();
	}

	/**
	 * An attempt under way, holding one failure of each budget until its outcome is
	 * known.
	 *
	 * @param phoneKey the phone's bucket
	 * @param addressKey the address's bucket
	 */
	record Attempt(String phoneKey, String addressKey) {
	}

}
