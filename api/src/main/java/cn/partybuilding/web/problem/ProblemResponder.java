package cn.partybuilding.web.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a problem straight to the response, for the places that run outside controllers:
 * web filters, the security entry points and the last-resort exception handler.
 */
@Component
public class ProblemResponder {

	private final JsonMapper json;

	ProblemResponder(JsonMapper json) {
		this.json = json;
	}

	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setRawStatusCode(problem.getStatus());
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (problem.getProperties() != null
				&& problem.getProperties().get("retryAfterSeconds") instanceof Long seconds) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		}
		byte[] body = this.json.writeValueAsBytes(asMap(problem));
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	/**
	 * The body exactly as the HTTP message writers render a {@link ProblemDetail}:
	 * properties at the top level.
	 */
	static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", Objects.requireNonNull(problem.getType(), "about:blank unless set").toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			body.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
