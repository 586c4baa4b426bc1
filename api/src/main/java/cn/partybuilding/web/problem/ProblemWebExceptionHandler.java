package cn.partybuilding.web.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import cn.partybuilding.web.RequestIds;

/**
 * The one place errors become responses. It sits in front of Boot's default error handler
 * and sees every exception, from controllers, argument binding, web filters and the
 * framework alike, so all of them share one format. 4xx are logged at WARN with their
 * code, 5xx at ERROR with the stack trace; neither logs request bodies.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

	private final ErrorTranslator translator;

	private final ProblemResponder responder;

	ProblemWebExceptionHandler(ErrorTranslator translator, ProblemResponder responder) {
		this.translator = translator;
		this.responder = responder;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		HttpHeaders headers = new HttpHeaders();
		ProblemDetail problem = this.translator.translate(ex, exchange, headers);
		log(exchange, problem, ex);
		exchange.getResponse().getHeaders().addAll(headers);
		return this.responder.write(exchange, problem);
	}

	private static void log(ServerWebExchange exchange, ProblemDetail problem, Throwable ex) {
		String method = exchange.getRequest().getMethod().name();
		String path = exchange.getRequest().getPath().value();
		Object code = (problem.getProperties() != null) ? problem.getProperties().get("code") : null;
		if (ErrorTranslator.isServerError(problem)) {
			logger.error("{} {} failed with {} {} [requestId={}]", method, path, problem.getStatus(), code,
					RequestIds.of(exchange), ex);
		}
		else {
			logger.warn("{} {} refused with {} {} [requestId={}]", method, path, problem.getStatus(), code,
					RequestIds.of(exchange));
		}
	}

}
