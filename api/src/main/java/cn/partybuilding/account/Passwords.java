package cn.partybuilding.account;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with Spring Security's delegating encoder (bcrypt), never on the event loop: each
 * check costs tens of milliseconds of CPU. Checking against no hash costs the same as a real check, so an unknown
 * phone number and a wrong password take about the same time.
 */
@Component
public class Passwords {

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final Scheduler scheduler = Schedulers.boundedElastic();

	private final String decoy = this.encoder.encode("decoy password nobody has");

	public Mono<String> hash(String password) {
		return Mono.fromCallable(() -> this.encoder.encode(password)).subscribeOn(this.scheduler);
	}

	/** Whether {@code password} matches {@code hash}; {@code false}, after the same work, when there is no hash. */
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
