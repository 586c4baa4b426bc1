package cn.partybuilding.web.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.regex.Pattern;

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
 * Honours {@code Idempotency-Key} on every POST, with the semantics of the IETF draft and Stripe. The request runs in
 * one database transaction together with the storing of its response: either both happen or neither does. In that
 * transaction the key is locked first; if another request with the key is still running the lock is taken and the
 * answer is 409 {@code IDEMPOTENCY_KEY_IN_USE}. A finished key replays its stored status and body when the request
 * is the same, and is 422 {@code IDEMPOTENCY_KEY_REUSED} when it is not. Only successful (2xx) responses are kept;
 * anything else is rolled back, so a retry runs again. Keys belong to the caller: one member's key never replays
 * another's response.
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

	/** After Spring Security (-100), which establishes the caller the key belongs to. */
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
		int limit = LargeBodies.allowedLarge(exchange) ? LargeBodies.IMPORT_LIMIT : LargeBodies.GENERAL_LIMIT;
		Mono<byte[]> body = DataBufferUtils.join(request.getBody(), limit).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]);
		Mono<String> caller = ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.map(Authentication::getName)
			// Logging in is anonymous: strangers' keys must not meet, so the address stands in for the caller.
			.defaultIfEmpty("anonymous@" + ClientAddresses.of(request));
		return Mono.zip(caller, body)
			.flatMap((callerAndBody) -> handle(exchange, chain, callerAndBody.getT1(), key, callerAndBody.getT2()));
	}

	private Mono<Void> handle(ServerWebExchange exchange, WebFilterChain chain, String caller, String key,
			byte[] body) {
		byte[] hash = hash(exchange.getRequest(), body);
		CapturingResponse captured = new CapturingResponse(exchange.getResponse());
		ServerWebExchange replayable = exchange.mutate().request(new CachedBodyRequest(exchange.getRequest(), body))
			.response(captured)
			.build();
		Flux<Outcome> outcome = this.transactions.execute((transaction) -> this.keys.tryLock(caller, key)
			.flatMap((locked) -> locked ? this.keys.find(caller, key)
				: Mono.error(new DomainException(ErrorCode.IDEMPOTENCY_KEY_IN_USE)))
			.<Outcome>flatMap((stored) -> Arrays.equals(stored.requestHash(), hash) ? Mono.just(new Replay(stored))
					: Mono.error(new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED)))
			.switchIfEmpty(Mono.defer(() -> chain.filter(replayable).then(Mono.defer(() -> {
				StoredResponse response = captured.toStored(hash);
				if (response.status() < 200 || response.status() >= 300) {
					transaction.setRollbackOnly();
					return Mono.just(new FirstRun(captured));
				}
				return this.keys.save(caller, key, response).thenReturn(new FirstRun(captured));
			})))));
		return outcome.single().flatMap((result) -> result.writeTo(exchange.getResponse()));
	}

	private static byte[] hash(ServerHttpRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(request.getMethod().name().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(request.getURI().getRawPath().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			String query = request.getURI().getRawQuery();
			digest.update(((query != null) ? query : "").getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			return digest.digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
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

	/** The request with its body read once into memory, so it can be both hashed and handled. */
	private static final class CachedBodyRequest extends ServerHttpRequestDecorator {

		private final byte[] body;

		CachedBodyRequest(ServerHttpRequest delegate, byte[] body) {
			super(delegate);
			this.body = body;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> (this.body.length == 0) ? Flux.empty()
					: Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(this.body)));
		}

	}

	/**
	 * Holds the body back until the transaction has committed: the client must never see a response whose effect
	 * was then rolled back. Status and headers go to the real response as usual.
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
