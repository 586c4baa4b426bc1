package cn.partybuilding.web;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/** The id of a request: taken from a well-formed {@code X-Request-Id} header or made up, echoed on the response. */
public final class RequestIds {

	public static final String HEADER = "X-Request-Id";

	static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

	private RequestIds() {
	}

	/** The id of the request, making one up if the request id filter has not run yet. */
	public static String of(ServerWebExchange exchange) {
		Object id = exchange.getAttribute(ATTRIBUTE);
		if (id instanceof String value) {
			return value;
		}
		String created = fromHeaderOrNew(exchange.getRequest().getHeaders().getFirst(HEADER));
		exchange.getAttributes().put(ATTRIBUTE, created);
		return created;
	}

	static String fromHeaderOrNew(String header) {
		if (header != null && WELL_FORMED.matcher(header).matches()) {
			return header;
		}
		byte[] random = new byte[12];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
