package cn.partybuilding.account;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with Spring Security's delegating encoder (bcrypt), never
 * on the event loop: each check costs tens of milliseconds of CPU. Checking against no
 * hash costs the same as a real check, so an unknown phone number and a wrong password
 * take about the same time.
 */
@Component
public class Passwords {

	/** bcrypt reads at most 72 bytes of a password, and refuses to hash a longer one. */
	public static final int MAX_BYTES = 72;

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final Scheduler scheduler = Schedulers.boundedElastic();

	private final String decoy = this.encoder.encode("decoy password nobody has");

	/**
	 * Whether the password can be hashed: at most {@value #MAX_BYTES} bytes in UTF-8 (24
	 * Chinese characters).
	 */
	public static boolean hashable(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
	}

	public Mono<String> hash(String password) {
		return Mono.fromCallable(() -> this.encoder.encode(password)).subscribeOn(this.scheduler);
	}

	/**
	 * Whether {@code password} matches {@code hash}; {@code false}, after the same work,
	 * when there is no hash.
	 */
	public Mono<Boolean> matches(String password, @Nullable String hash) {
		return Mono.fromCallable(() -> {
			boolean matches = this.encoder.matches(password, (hash != null) ? hash : this.decoy);
			return matches && hash != null;
		}).subscribeOn(this.scheduler);
	}

	/** Blocking variant for start-up code that runs outside the event loop. */
	boolean matchesNow(String password, String hash) {
		return this.encoder.matches(password, hash);
	}

	String hashNow(String password) {
		return this.encoder.encode(password);
	}

}
