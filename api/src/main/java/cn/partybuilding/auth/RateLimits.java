package cn.partybuilding.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in Redis (bucket4j), shared by every instance. Losing Redis loses
 * only the counts, never data: the truth is in PostgreSQL.
 */
@Component
class RateLimits {

	private final LettuceConnectionFactory connectionFactory;

	private volatile @Nullable Store store;

	RateLimits(LettuceConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	/**
	 * How long until {@code tokens} could be taken from the bucket, without taking them;
	 * zero if now.
	 */
	Mono<Duration> waitFor(String key, Supplier<BucketConfiguration> configuration, long tokens) {
		return Mono.fromFuture(() -> bucket(key, configuration).estimateAbilityToConsume(tokens)).map(RateLimits::wait);
	}

	/**
	 * Takes {@code tokens}; returns how long to wait when there were not enough (zero
	 * when they were taken).
	 */
	Mono<Duration> take(String key, Supplier<BucketConfiguration> configuration, long tokens) {
		return Mono.fromFuture(() -> bucket(key, configuration).tryConsumeAndReturnRemaining(tokens))
			.map(RateLimits::wait);
	}

	/** Gives {@code tokens} back (never beyond the bucket's capacity). */
	Mono<Void> give(String key, Supplier<BucketConfiguration> configuration, long tokens) {
		return Mono.fromFuture(() -> bucket(key, configuration).addTokens(tokens));
	}

	Mono<Void> reset(String key, Supplier<BucketConfiguration> configuration) {
		return Mono.fromFuture(() -> bucket(key, configuration).reset());
	}

	private AsyncBucketProxy bucket(String key, Supplier<BucketConfiguration> configuration) {
		return buckets().builder()
			.build(("party:limit:" + key).getBytes(StandardCharsets.UTF_8),
					() -> CompletableFuture.completedFuture(configuration.get()));
	}

	/**
	 * The bucket store over the connection factory's current client. The factory replaces
	 * its client when it is stopped and started again (as paused test contexts are), so
	 * the store follows the client it was built on.
	 */
	private AsyncProxyManager<byte[]> buckets() {
		RedisClient client = (RedisClient) this.connectionFactory.getRequiredNativeClient();
		Store store = this.store;
		if (store == null || store.client() != client) {
			synchronized (this) {
				store = this.store;
				if (store == null || store.client() != client) {
					AsyncProxyManager<byte[]> manager = Bucket4jLettuce.casBasedBuilder(client)
						.expirationAfterWrite(ExpirationAfterWriteStrategy
							.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
						.build()
						.asAsync();
					store = new Store(client, manager);
					this.store = store;
				}
			}
		}
		return store.buckets();
	}

	private record Store(RedisClient client, AsyncProxyManager<byte[]> buckets) {
	}

	private static Duration wait(ConsumptionProbe probe) {
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	private static Duration wait(EstimationProbe probe) {
		return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

}
