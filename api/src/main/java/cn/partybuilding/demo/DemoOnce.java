package cn.partybuilding.demo;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Demo data is created once, also when several instances load the demo at the same
 * moment: each looks whether a piece is there, and two may both find it missing and both
 * create it.
 */
final class DemoOnce {

	private DemoOnce() {
	}

	/**
	 * Creates it unless {@code exists} says it is there. If creating fails because
	 * another instance created it after this one looked (a duplicate key, a phone number
	 * taken, the seats the other one holds: raised once the other's transaction
	 * committed), nothing is missing, so the failure is dropped once {@code exists} says
	 * it is there now.
	 * @param <T> what creating it gives
	 * @param exists looks whether it is there; asked again after a failure
	 * @param create creates it
	 * @return what {@code create} gave, or empty when it was there already
	 */
	static <T> Mono<T> create(Supplier<Mono<Boolean>> exists, Supplier<Mono<T>> create) {
		return exists.get()
			.flatMap((there) -> there ? Mono.<T>empty() : create.get())
			.onErrorResume((ex) -> exists.get().flatMap((there) -> there ? Mono.<T>empty() : Mono.error(ex)));
	}

}
