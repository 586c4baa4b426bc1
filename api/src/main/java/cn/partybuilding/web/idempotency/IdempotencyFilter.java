package cn.partybuilding.web.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.partybuilding.web.ClientAddresses;
import cn.partybuilding.web.LargeBodies;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * Honours {@code Idempotency-Key} on every POST, with the semantics of the IETF draft and
 * Stripe. The request runs in one database transaction together with the storing of its
 * response: either both happen or neither does. In that transaction the key is locked
 * first; if another request with the key is still running the lock is taken and the
 * answer is 409 {@code IDEMPOTENCY_KEY_IN_USE}. A finished key replays its stored status
 * and body when the request is the same, and is 422 {@code IDEMPOTENCY_KEY_REUSED} when
 * it is not. Only successful (2xx) responses are kept; anything else is rolled back, so a
 * retry runs again. Keys belong to the caller: one member's key never replays another's
 * response.
 * <p>
 * "The same request" is a hash of method, path, query and body, and the body is read in
 * one of two ways:
 * <ul>
 * <li>A body of at most 1 MiB (every request but a roster import) is read before the
 * transaction begins, once the caller is known and its limit set. That is no more than
 * the JSON codecs hold for the same request without a key, and it keeps a slow client
 * from holding a database connection while it uploads: with the transaction begun first,
 * a few dozen clients that announce a body and send it slowly (logging in needs no
 * account) would hold every connection of the pool.</li>
 * <li>A roster import, up to 8 MiB and granted only to a caller who may import, is never
 * held whole: the key is locked and looked up first, then the body streams to the handler
 * while it is hashed on the way (and whatever the handler did not read is read and hashed
 * before the response is stored). For a stored key the body is hashed as it streams and
 * dropped. Such a request holds its connection while its file arrives; it is one
 * administrator's upload.</li>
 * </ul>
 */
@Component
class IdempotencyFilter implements WebFilter, Ordered {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private static final Pattern WELL_FORMED = Pattern.compile("[\\x20-\\x7E]{1,255}");

	private final IdempotencyKeys keys;

	private final TransactionalOperator transactions;

	IdempotencyFilter(IdempotencyKeys keys, TransactionalOperator transactions) {
		this.keys = keys;
		this.transactions = transactions;
	}

	/**
	 * After Spring Security (-100), which establishes the caller the key belongs to, and
	 * the caller's body limit.
	 */
	@Override
	public int getOrder() {
		return 0;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String key = request.getHeaders().getFirst(HEADER);
		if (key == null || !HttpMethod.POST.equals(request.getMethod())) {
			return chain.filter(exchange);
		}
		if (!WELL_FORMED.matcher(key).matches()) {
			return Mono.error(DomainException.invalid(Violation.of(HEADER, "idempotencyKey")));
		}
		Mono<String> caller = ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.map(Authentication::getName)
			// Logging in is anonymous: strangers' keys must not meet, so the address
			// stands in for the caller.
			.defaultIfEmpty("anonymous@" + ClientAddresses.of(request));
		long limit = LargeBodies.limitOf(exchange);
		if (limit > LargeBodies.GENERAL_LIMIT) {
			return caller.flatMap((name) -> handle(exchange, chain, name, key, new StreamedBody(request)));
		}
		Mono<byte[]> body = DataBufferUtils.join(request.getBody(), (int) limit).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]);
		return Mono.zip(caller, body)
			.flatMap((callerAndBody) -> handle(exchange, chain, callerAndBody.getT1(), key,
					new ReadBody(request, callerAndBody.getT2())));
	}

	private Mono<Void> handle(ServerWebExchange exchange, WebFilterChain chain, String caller, String key,
			RequestBody body) {
		CapturingResponse captured = new CapturingResponse(exchange.getResponse());
		ServerWebExchange replayable = exchange.mutate().request(body.request()).response(captured).build();
		Flux<Outcome> outcome = this.transactions.execute((transaction) -> this.keys.tryLock(caller, key)
			.flatMap((locked) -> locked ? this.keys.find(caller, key)
					: Mono.error(new DomainException(ErrorCode.IDEMPOTENCY_KEY_IN_USE)))
			.<Outcome>flatMap((stored) -> body.hash()
				.flatMap((hash) -> Arrays.equals(stored.requestHash(), hash) ? Mono.just(new Replay(stored))
						: Mono.error(new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED))))
			.switchIfEmpty(Mono.defer(() -> chain.filter(replayable).then(Mono.defer(() -> {
				HttpStatusCode status = captured.getStatusCode();
				if (status != null && !status.is2xxSuccessful()) {
					transaction.setRollbackOnly();
					return Mono.just(new FirstRun(captured));
				}
				return body.hash()
					.flatMap((hash) -> this.keys.save(caller, key, captured.toStored(hash)))
					.thenReturn(new FirstRun(captured));
			})))));
		return outcome.single().flatMap((result) -> result.writeTo(exchange.getResponse()));
	}

	/**
	 * Starts the request's hash with what identifies it besides the body: method, path
	 * and query.
	 */
	private static MessageDigest startHash(ServerHttpRequest request) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(request.getMethod().name().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(request.getURI().getRawPath().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			String query = request.getURI().getRawQuery();
			digest.update(((query != null) ? query : "").getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			return digest;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/** The body as the handler reads it, and the request's hash. */
	private sealed interface RequestBody permits ReadBody, StreamedBody {

		ServerHttpRequest request();

		/**
		 * The hash of the whole request, reading whatever of the body has not been read
		 * yet.
		 */
		Mono<byte[]> hash();

	}

	/**
	 * A body read whole before the transaction (at most 1 MiB), handed to the handler
	 * from memory.
	 */
	private static final class ReadBody extends ServerHttpRequestDecorator implements RequestBody {

		private final byte[] body;

		private final byte[] hash;

		ReadBody(ServerHttpRequest delegate, byte[] body) {
			super(delegate);
			this.body = body;
			this.hash = startHash(delegate).digest(body);
		}

		@Override
		public ServerHttpRequest request() {
			return this;
		}

		@Override
		public Mono<byte[]> hash() {
			return Mono.just(this.hash);
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> (this.body.length == 0) ? Flux.empty()
					: Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(this.body)));
		}

	}

	/**
	 * A body that is never held whole: each buffer is hashed as it passes on to the
	 * handler (or, when the handler does not read it, as it is drained), so the request's
	 * hash is known once the last byte has gone by.
	 */
	private static final class StreamedBody extends ServerHttpRequestDecorator implements RequestBody {

		private final MessageDigest digest;

		private final AtomicReference<Reading> reading = new AtomicReference<>(Reading.NOT_STARTED);

		private byte @Nullable [] hash;

		StreamedBody(ServerHttpRequest delegate) {
			super(delegate);
			this.digest = startHash(delegate);
		}

		@Override
		public ServerHttpRequest request() {
			return this;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> this.reading.compareAndSet(Reading.NOT_STARTED, Reading.STARTED) ? hashed()
					: Flux.error(new IllegalStateException("The request body can be read only once")));
		}

		@Override
		public Mono<byte[]> hash() {
			return Mono.defer(() -> {
				if (this.reading.compareAndSet(Reading.NOT_STARTED, Reading.STARTED)) {
					// Released as they go by; what goes on is no buffer, so nothing
					// releases them a second time.
					return hashed().map(DataBufferUtils::release).then(Mono.fromSupplier(this::finish));
				}
				if (this.reading.get() == Reading.DONE) {
					return Mono.just(finish());
				}
				// A handler that answered 2xx having read part of its body: a hash of
				// part of it would make a
				// different request replay this response. Failing rolls the effect back
				// instead.
				return Mono.error(new IllegalStateException("The handler left its request body half read"));
			});
		}

		private Flux<DataBuffer> hashed() {
			return super.getBody().doOnNext(this::update).doOnComplete(() -> this.reading.set(Reading.DONE));
		}

		private void update(DataBuffer buffer) {
			try (DataBuffer.ByteBufferIterator parts = buffer.readableByteBuffers()) {
				while (parts.hasNext()) {
					this.digest.update(parts.next());
				}
			}
		}

		private synchronized byte[] finish() {
			if (this.hash == null) {
				this.hash = this.digest.digest();
			}
			return this.hash;
		}

		private enum Reading {

			NOT_STARTED, STARTED, DONE

		}

	}

	/** What the filter ends with: writing a replayed or a freshly produced response. */
	private sealed interface Outcome permits Replay, FirstRun {

		Mono<Void> writeTo(ServerHttpResponse response);

	}

	private record Replay(StoredResponse stored) implements Outcome {

		@Override
		public Mono<Void> writeTo(ServerHttpResponse response) {
			response.setStatusCode(HttpStatusCode.valueOf(this.stored.status()));
			HttpHeaders headers = response.getHeaders();
			if (this.stored.contentType() != null) {
				headers.setContentType(MediaType.parseMediaType(this.stored.contentType()));
			}
			if (this.stored.location() != null) {
				headers.set(HttpHeaders.LOCATION, this.stored.location());
			}
			headers.set(REPLAYED, "true");
			if (this.stored.body().length == 0) {
				return response.setComplete();
			}
			return response.writeWith(Mono.just(response.bufferFactory().wrap(this.stored.body())));
		}

	}

	private record FirstRun(CapturingResponse captured) implements Outcome {

		@Override
		public Mono<Void> writeTo(ServerHttpResponse response) {
			return this.captured.release();
		}

	}

	/**
	 * Holds the body back until the transaction has committed: the client must never see
	 * a response whose effect was then rolled back. Status and headers go to the real
	 * response as usual.
	 */
	private static final class CapturingResponse extends ServerHttpResponseDecorator {

		private byte[] body = new byte[0];

		private boolean bodyWritten;

		CapturingResponse(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return DataBufferUtils.join(Flux.from(body)).doOnNext((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				this.body = bytes;
				this.bodyWritten = true;
			}).then();
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return writeWith(Flux.from(body).flatMapSequential(Flux::from));
		}

		@Override
		public Mono<Void> setComplete() {
			return Mono.empty();
		}

		StoredResponse toStored(byte[] requestHash) {
			HttpStatusCode status = getStatusCode();
			MediaType contentType = getHeaders().getContentType();
			return new StoredResponse(requestHash, (status != null) ? status.value() : 200,
					(contentType != null) ? contentType.toString() : null, getHeaders().getFirst(HttpHeaders.LOCATION),
					this.body);
		}

		Mono<Void> release() {
			ServerHttpResponse response = getDelegate();
			if (!this.bodyWritten || this.body.length == 0) {
				return response.setComplete();
			}
			return response.writeWith(Mono.just(response.bufferFactory().wrap(this.body)));
		}

	}

}
