package cn.partybuilding.web;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The id of a request: taken from a well-formed {@code X-Request-Id} header or made up,
 * echoed on the response.
 */
public final class RequestIds {

	public static final String HEADER = "X-Request-Id";

	static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

	/**
	 * Made-up ids are 24 characters of the base32 alphabet (120 random bits). It has no
	 * 0, 1, 8 or 9, so no id can look like a mobile number (1[3-9] and nine digits) to
	 * the scan of the logs for personal data; hex ids did, about once in a thousand
	 * requests.
	 */
	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private static final int LENGTH = 24;

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

	static String fromHeaderOrNew(@Nullable String header) {
		if (header != null && WELL_FORMED.matcher(header).matches()) {
			return header;
		}
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] id = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return new String(id);
	}

}
