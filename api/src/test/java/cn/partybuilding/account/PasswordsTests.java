package cn.partybuilding.account;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password hashing is CPU work of tens of milliseconds: it must never run on the event
 * loop.
 */
class PasswordsTests {

	final Passwords passwords = new Passwords();

	@Test
	void hashingAndCheckingRunOffTheCallersThread() {
		String hash = this.passwords.hash("Secret#2026").block();
		Mono<String> thread = this.passwords.matches("Secret#2026", hash)
			.map((matched) -> Thread.currentThread().getName() + ":" + matched);
		thread.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result).startsWith("boundedElastic").endsWith(":true"))
			.verifyComplete();
	}

	@Test
	void aMissingHashNeverMatchesButCostsAsMuch() {
		long start = System.nanoTime();
		assertThat(this.passwords.matches("anything", null).block()).isFalse();
		long withoutHash = System.nanoTime() - start;
		String hash = this.passwords.hash("Secret#2026").block();
		start = System.nanoTime();
		assertThat(this.passwords.matches("wrong", hash).block()).isFalse();
		long withHash = System.nanoTime() - start;
		assertThat((double) withoutHash / withHash).isGreaterThan(0.3);
	}

}
