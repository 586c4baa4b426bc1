package cn.partybuilding.web.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import cn.partybuilding.web.RequestIds;

/**
 * Builds the RFC 9457 body of every error: stable {@code type} and {@code code}, title
 * and detail in the caller's language (Chinese unless the request asks for English), the
 * request path as {@code instance} and the request id.
 */
@Component
public class Problems {

	static final String TYPE_PREFIX = "https://partybuilding.cn/problems/";

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	public ProblemDetail of(DomainException ex, ServerWebExchange exchange) {
		ProblemDetail problem = of(ex.code(), exchange, ex.args());
		if (!ex.violations().isEmpty()) {
			problem.setProperty("errors", errors(ex.violations(), locale(exchange)));
		}
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	public ProblemDetail of(ErrorCode code, ServerWebExchange exchange, Object... args) {
		Locale locale = locale(exchange);
		ProblemDetail problem = ProblemDetail.forStatus(code.status());
		problem.setType(URI.create(TYPE_PREFIX + code.slug()));
		problem.setTitle(this.messages.getMessage("problem." + code.name() + ".title", null, code.name(), locale));
		problem.setDetail(this.messages.getMessage("problem." + code.name() + ".detail", args, null, locale));
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		problem.setProperty("code", code.name());
		problem.setProperty("requestId", RequestIds.of(exchange));
		return problem;
	}

	/** A {@code 400} for a request whose fields break the rules. */
	public ProblemDetail invalid(ErrorCode code, List<Map<String, Object>> errors, ServerWebExchange exchange) {
		ProblemDetail problem = of(code, exchange);
		problem.setProperty("errors", errors);
		return problem;
	}

	public List<Map<String, Object>> errors(List<Violation> violations, Locale locale) {
		List<Map<String, Object>> errors = new ArrayList<>(violations.size());
		for (Violation violation : violations) {
			String message = this.messages.getMessage("violation." + violation.messageKey(), violation.args(),
					violation.messageKey(), locale);
			errors.add(error(violation.line(), violation.field(), message));
		}
		return errors;
	}

	/**
	 * An entry of {@code errors[]} for a bean-validation or binding error, in the
	 * caller's language.
	 */
	public Map<String, Object> error(String field, MessageSourceResolvable resolvable, ServerWebExchange exchange) {
		String message = this.messages.getMessage(resolvable, locale(exchange));
		return error(null, field, message);
	}

	public Map<String, Object> error(String field, String messageKey, ServerWebExchange exchange, Object... args) {
		return error(null, field,
				this.messages.getMessage("violation." + messageKey, args, messageKey, locale(exchange)));
	}

	private static Map<String, Object> error(@Nullable Integer line, String field, @Nullable String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		if (line != null) {
			error.put("line", line);
		}
		error.put("field", field);
		error.put("message", (message != null) ? message : field);
		return error;
	}

	static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE;
	}

}
