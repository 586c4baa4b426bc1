package cn.partybuilding.web;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

/**
 * How much body a request may send. Every request may send up to 1 MiB; only a roster
 * import, {@code POST /api/v1/orgs/{id}/members:import}, by a caller whose token holds a
 * role that may import, may send up to 8 MiB. Which limit applies is decided before any
 * of the body is read: by the route alone ({@link BodySizeLimitFilter}, before the caller
 * is known), then by the caller (in the security package, after the token has been
 * verified), which records the request's limit here and cuts the body off at it while it
 * streams.
 */
public final class LargeBodies {

	/**
	 * What any other request may send; matches {@code spring.codec.max-in-memory-size}.
	 */
	public static final int GENERAL_LIMIT = 1024 * 1024;

	/** What a roster import may send: 10,000 rows of a few hundred bytes. */
	public static final int IMPORT_LIMIT = 8 * 1024 * 1024;

	/**
	 * The import route and nothing else: not any path that ends like it (an anonymous
	 * {@code /auth/members:import} got the large allowance by that rule), and only with
	 * an id where the id goes. A path the router would still send to the import in
	 * another spelling ({@code %3A}, matrix parameters) gets the general limit: smaller,
	 * never larger.
	 */
	private static final Pattern IMPORT_ROUTE = Pattern.compile(
			"/api/v1/orgs/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/members:import");

	private static final String LIMIT = LargeBodies.class.getName() + ".limit";

	private LargeBodies() {
	}

	/**
	 * Whether the request is a roster import, the only route that may be granted more
	 * than 1 MiB.
	 */
	public static boolean isImportRoute(ServerWebExchange exchange) {
		return HttpMethod.POST.equals(exchange.getRequest().getMethod())
				&& IMPORT_ROUTE.matcher(exchange.getRequest().getPath().value()).matches();
	}

	/** Records the limit that was granted to the request's caller. */
	public static void grant(ServerWebExchange exchange, long limit) {
		exchange.getAttributes().put(LIMIT, limit);
	}

	/**
	 * The limit granted to the request: {@link #GENERAL_LIMIT} unless more was granted to
	 * its caller.
	 */
	public static long limitOf(ServerWebExchange exchange) {
		Object limit = exchange.getAttribute(LIMIT);
		return (limit instanceof Long granted) ? granted : GENERAL_LIMIT;
	}

	/**
	 * The body, failing with {@link DataBufferLimitException} (a 413) as soon as more
	 * than {@code limit} bytes have arrived: a body sent without a length is cut off
	 * while it streams, not after it has been read.
	 */
	public static Flux<DataBuffer> limit(Flux<DataBuffer> body, long limit) {
		return Flux.defer(() -> {
			AtomicLong seen = new AtomicLong();
			return body.handle((buffer, sink) -> {
				if (seen.addAndGet(buffer.readableByteCount()) > limit) {
					DataBufferUtils.release(buffer);
					sink.error(new DataBufferLimitException("The body exceeds " + limit + " bytes"));
					return;
				}
				sink.next(buffer);
			});
		});
	}

}
