package cn.partybuilding.web;

import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

/**
 * The few requests allowed a body over the general 1 MiB limit: a roster import of up to 10,000 members, which
 * enforces its own, larger, limit while it reads.
 */
public final class LargeBodies {

	/** What any other request may send; matches {@code spring.codec.max-in-memory-size}. */
	public static final int GENERAL_LIMIT = 1024 * 1024;

	/** What a roster import may send: 10,000 rows of a few hundred bytes. */
	public static final int IMPORT_LIMIT = 8 * 1024 * 1024;

	private LargeBodies() {
	}

	/** Whether the request may send a body of up to {@link #IMPORT_LIMIT}. */
	public static boolean allowedLarge(ServerWebExchange exchange) {
		return HttpMethod.POST.equals(exchange.getRequest().getMethod())
				&& exchange.getRequest().getPath().value().endsWith("/members:import")
				&& exchange.getRequest().getHeaders().getContentLength() <= IMPORT_LIMIT;
	}

}
