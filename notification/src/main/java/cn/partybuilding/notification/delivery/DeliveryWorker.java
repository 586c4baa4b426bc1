package cn.partybuilding.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.NotificationSettings;
import cn.partybuilding.notification.device.Devices;
import cn.partybuilding.notification.preference.NotificationPreferences;
import cn.partybuilding.notification.preference.Preferences;
import cn.partybuilding.notification.text.NotificationTexts;
import cn.partybuilding.notification.text.RenderedText;

/**
 * Drains the outbox on instances where {@code party.notification.workers-enabled} is
 * true: claims due deliveries in batches, sends them concurrently through the channels,
 * and records the results in bulk. Any number of instances may run workers: a delivery is
 * claimed by one at a time, and its message id is stable, so a retry after a crash is
 * dropped as a duplicate by the gateway.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryWorker.class);

	private final DeliveryRepository repository;

	private final Preferences preferences;

	private final Devices devices;

	private final Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);

	private final NotificationSettings settings;

	private final Clock clock;

	private final Dispatch dispatch;

	private final Disposable.Composite loops = Disposables.composite();

	private volatile boolean running;

	DeliveryWorker(DeliveryRepository repository, Preferences preferences, Devices devices, List<Notifier> notifiers,
			NotificationSettings settings, Clock clock) {
		this.repository = repository;
		this.preferences = preferences;
		this.devices = devices;
		notifiers.forEach((notifier) -> this.notifiers.put(notifier.channel(), notifier));
		this.settings = settings;
		this.clock = clock;
		NotificationSettings.Delivery delivery = settings.delivery();
		this.dispatch = new Dispatch(new Backoff(delivery.retryInitial(), delivery.retryMax()), delivery.maxAttempts(),
				clock.getZone(), () -> ThreadLocalRandom.current().nextLong());
	}

	@Override
	public void start() {
		this.running = true;
		if (!this.settings.workersEnabled()) {
			return;
		}
		NotificationSettings.Delivery delivery = this.settings.delivery();
		for (int i = 0; i < delivery.workers(); i++) {
			this.loops.add(Flux.interval(delivery.pollInterval())
				.onBackpressureDrop()
				.concatMap((tick) -> drain().onErrorResume((ex) -> {
					logger.warn("Delivery round failed; trying again shortly", ex);
					return Mono.empty();
				}), 0)
				.subscribe());
		}
	}

	@Override
	public void stop() {
		this.loops.dispose();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Stop before the connection pool does.
		return Integer.MAX_VALUE - 100;
	}

	/**
	 * Claims and sends batches until none is full: a backlog is worked off without
	 * waiting for the next tick.
	 */
	Mono<Void> drain() {
		int batchSize = this.settings.delivery().batchSize();
		return round().expand((claimed) -> (claimed >= batchSize) ? round() : Mono.empty()).then();
	}

	/** One batch; the number of deliveries claimed. */
	Mono<Integer> round() {
		Instant now = this.clock.instant();
		NotificationSettings.Delivery delivery = this.settings.delivery();
		return this.repository.claim(now, now.plus(delivery.lease()), delivery.batchSize())
			.collectList()
			.flatMap((batch) -> batch.isEmpty() ? Mono.just(0) : send(batch).thenReturn(batch.size()));
	}

	private Mono<Void> send(List<Claimed> batch) {
		Set<UUID> members = batch.stream().map(Claimed::memberId).collect(Collectors.toSet());
		return this.preferences.ofMembers(members)
			.flatMap((chosen) -> Flux.fromIterable(batch)
				.flatMap((delivery) -> send(delivery, chosen.get(delivery.memberId())),
						this.settings.delivery().concurrency())
				.collectList())
			.flatMap((results) -> dropDevices(results).then(this.repository.record(results, this.clock.instant())));
	}

	private Mono<Result> send(Claimed delivery, @Nullable NotificationPreferences preferences) {
		Instant now = this.clock.instant();
		Result instead = this.dispatch.before(delivery,
				(preferences != null) ? preferences : NotificationPreferences.defaults(), now);
		if (instead != null) {
			return Mono.just(instead);
		}
		Notifier notifier = this.notifiers.get(delivery.channel());
		if (notifier == null) {
			return Mono.just(Result.finished(delivery, DeliveryStatus.FAILED, "no such channel", now));
		}
		RenderedText text = NotificationTexts.render(delivery.kind(), delivery.params());
		OutgoingMessage message = new OutgoingMessage(delivery.id().toString(), delivery.notificationId(),
				delivery.memberId(), delivery.kind(), delivery.target(), delivery.platform(), text.title(), text.body(),
				delivery.params());
		return Mono.defer(() -> notifier.send(message))
			.onErrorResume((ex) -> Mono.just(new SendOutcome.Retry(ex.getClass().getSimpleName())))
			.defaultIfEmpty(new SendOutcome.Retry("no answer"))
			.map((outcome) -> this.dispatch.after(delivery, outcome, this.clock.instant()));
	}

	private Mono<Void> dropDevices(List<Result> results) {
		return Flux.fromIterable(results)
			.mapNotNull(Result::goneTarget)
			.distinct()
			.concatMap(this.devices::drop)
			.then();
	}

}
