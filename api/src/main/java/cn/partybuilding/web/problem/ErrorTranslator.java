package cn.partybuilding.web.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Decides which problem an exception becomes. Client mistakes (bad JSON, wrong types,
 * unknown enum values, missing fields, unknown paths, wrong methods, oversized bodies)
 * are 4xx problems naming what was wrong; infrastructure trouble is a 503; anything else
 * is a 500 that reveals nothing.
 */
@Component
class ErrorTranslator {

	private final Problems problems;

	ErrorTranslator(Problems problems) {
		this.problems = problems;
	}

	ProblemDetail translate(Throwable ex, ServerWebExchange exchange, HttpHeaders headers) {
		return switch (ex) {
			case TooManyRequests tooMany -> {
				headers.set(HttpHeaders.RETRY_AFTER, Long.toString(TooManyRequests.seconds(tooMany.retryAfter())));
				yield this.problems.of(tooMany, exchange);
			}
			case DomainException domain -> this.problems.of(domain, exchange);
			case WebExchangeBindException binding -> this.problems.invalid(ErrorCode.VALIDATION_FAILED,
					bindingErrors(binding.getAllErrors(), exchange), exchange);
			case HandlerMethodValidationException validation ->
				this.problems.invalid(ErrorCode.VALIDATION_FAILED, parameterErrors(validation, exchange), exchange);
			case MethodNotAllowedException notAllowed -> {
				headers.setAllow(notAllowed.getSupportedMethods());
				yield this.problems.of(ErrorCode.METHOD_NOT_ALLOWED, exchange, exchange.getRequest().getMethod());
			}
			case UnsupportedMediaTypeStatusException unsupported -> this.problems.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
					exchange, String.valueOf(unsupported.getContentType()));
			case NotAcceptableStatusException notAcceptable -> this.problems.of(ErrorCode.NOT_ACCEPTABLE, exchange);
			case ServerWebInputException input -> input(input, exchange);
			// A path variable that converts to nothing (an id of blanks): like an id that
			// cannot be one.
			case ServerErrorException missing when isPathVariable(missing.getMethodParameter()) ->
				this.problems.of(ErrorCode.NOT_FOUND, exchange);
			case ResponseStatusException status -> this.problems.of(byStatus(status.getStatusCode().value()), exchange);
			case AccessDeniedException denied -> this.problems.of(ErrorCode.FORBIDDEN, exchange);
			case AuthenticationException unauthenticated -> this.problems.of(ErrorCode.UNAUTHORIZED, exchange);
			case DataBufferLimitException tooLarge -> this.problems.of(ErrorCode.PAYLOAD_TOO_LARGE, exchange);
			case DataIntegrityViolationException integrity -> this.problems.of(ErrorCode.CONFLICT, exchange);
			case DataAccessResourceFailureException unavailable ->
				this.problems.of(ErrorCode.SERVICE_UNAVAILABLE, exchange);
			case TransientDataAccessException transientFailure ->
				this.problems.of(ErrorCode.SERVICE_UNAVAILABLE, exchange);
			// No connection to begin a transaction with: the pool is exhausted or the
			// database is away.
			case CannotCreateTransactionException cannotBegin ->
				this.problems.of(ErrorCode.SERVICE_UNAVAILABLE, exchange);
			default ->
				(hasCause(ex, DataBufferLimitException.class)) ? this.problems.of(ErrorCode.PAYLOAD_TOO_LARGE, exchange)
						: this.problems.of(ErrorCode.INTERNAL_ERROR, exchange);
		};
	}

	private ProblemDetail input(ServerWebInputException ex, ServerWebExchange exchange) {
		if (hasCause(ex, DataBufferLimitException.class)) {
			return this.problems.of(ErrorCode.PAYLOAD_TOO_LARGE, exchange);
		}
		JacksonException json = cause(ex, JacksonException.class);
		if (json != null) {
			return jsonProblem(json, exchange);
		}
		InputRejected rejected = cause(ex, InputRejected.class);
		if (rejected != null) {
			MethodParameter parameter = ex.getMethodParameter();
			String name = (parameter != null && parameter.getParameterName() != null) ? parameter.getParameterName()
					: "query";
			return invalid(exchange, this.problems.error(name, rejected.messageKey(), exchange, rejected.args()));
		}
		if (ex instanceof MissingRequestValueException missing) {
			return invalid(exchange, this.problems.error(missing.getName(), "required", exchange));
		}
		if (ex.getCause() instanceof TypeMismatchException mismatch) {
			MethodParameter parameter = ex.getMethodParameter();
			if (parameter != null && isPathVariable(parameter) && UUID.class.equals(parameter.getParameterType())) {
				// Ids are opaque: a string that cannot be an id names nothing that
				// exists.
				return this.problems.of(ErrorCode.NOT_FOUND, exchange);
			}
			String name = (parameter != null && parameter.getParameterName() != null) ? parameter.getParameterName()
					: String.valueOf(mismatch.getPropertyName());
			return invalid(exchange, this.problems.error(name, "type", exchange));
		}
		if (ex.getReason() != null && ex.getReason().contains("body is missing")) {
			return invalid(exchange, this.problems.error("body", "required", exchange));
		}
		MethodParameter parameter = ex.getMethodParameter();
		String field = (parameter != null && parameter.getParameterName() != null) ? parameter.getParameterName()
				: "body";
		return invalid(exchange, this.problems.error(field, "invalid", exchange));
	}

	private ProblemDetail jsonProblem(JacksonException json, ServerWebExchange exchange) {
		String field = path(json);
		InputRejected rejected = cause(json, InputRejected.class);
		if (rejected != null) {
			return invalid(exchange, this.problems.error(field.isEmpty() ? "body" : field, rejected.messageKey(),
					exchange, rejected.args()));
		}
		if (json instanceof InvalidFormatException format && format.getTargetType() != null
				&& format.getTargetType().isEnum()) {
			String allowed = Arrays.stream(format.getTargetType().getEnumConstants())
				.map(String::valueOf)
				.collect(Collectors.joining(", "));
			return invalid(exchange, this.problems.error(field, "enum", exchange, allowed));
		}
		if (json instanceof InvalidNullException) {
			return invalid(exchange, this.problems.error(field, "required", exchange));
		}
		if (json instanceof UnrecognizedPropertyException) {
			return invalid(exchange, this.problems.error(field, "unknown", exchange));
		}
		if (json instanceof MismatchedInputException) {
			return invalid(exchange, this.problems.error(field.isEmpty() ? "body" : field, "type", exchange));
		}
		if (json instanceof StreamReadException || field.isEmpty()) {
			var location = json.getLocation();
			int line = (location != null) ? location.getLineNr() : 0;
			int column = (location != null) ? location.getColumnNr() : 0;
			return this.problems.invalid(ErrorCode.MALFORMED_REQUEST,
					List.of(this.problems.error("body", "json", exchange, line, column)), exchange);
		}
		return invalid(exchange, this.problems.error(field, "invalid", exchange));
	}

	private ProblemDetail invalid(ServerWebExchange exchange, Map<String, Object> error) {
		return this.problems.invalid(ErrorCode.VALIDATION_FAILED, List.of(error), exchange);
	}

	private List<Map<String, Object>> bindingErrors(List<ObjectError> errors, ServerWebExchange exchange) {
		List<Map<String, Object>> result = new ArrayList<>(errors.size());
		for (ObjectError error : errors) {
			String field = (error instanceof FieldError fieldError) ? fieldError.getField() : "body";
			result.add(this.problems.error(field, error, exchange));
		}
		return result;
	}

	private List<Map<String, Object>> parameterErrors(HandlerMethodValidationException ex, ServerWebExchange exchange) {
		List<Map<String, Object>> result = new ArrayList<>();
		ex.getParameterValidationResults().forEach((parameterResult) -> {
			String name = parameterResult.getMethodParameter().getParameterName();
			// A @Valid body validated with the method's parameters (when one of them
			// carries a constraint) reports
			// field errors: they name the field, as a body validated alone does.
			parameterResult.getResolvableErrors()
				.forEach((error) -> result.add(this.problems.error((error instanceof FieldError fieldError)
						? fieldError.getField() : (name != null) ? name : "body", error, exchange)));
		});
		return result;
	}

	static ErrorCode byStatus(int status) {
		return switch (status) {
			case 400 -> ErrorCode.MALFORMED_REQUEST;
			case 401 -> ErrorCode.UNAUTHORIZED;
			case 403 -> ErrorCode.FORBIDDEN;
			case 404 -> ErrorCode.NOT_FOUND;
			case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
			case 406 -> ErrorCode.NOT_ACCEPTABLE;
			case 409 -> ErrorCode.CONFLICT;
			case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
			case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
			case 429 -> ErrorCode.TOO_MANY_REQUESTS;
			case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
			default -> (status >= 500) ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
		};
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static boolean isPathVariable(@Nullable MethodParameter parameter) {
		return parameter != null && parameter.hasParameterAnnotation(PathVariable.class);
	}

	static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		return cause(ex, type) != null;
	}

	private static <T extends Throwable> @Nullable T cause(Throwable ex, Class<T> type) {
		Throwable current = ex;
		for (int depth = 0; current != null && depth < 10; depth++) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = current.getCause();
		}
		return null;
	}

	static boolean isServerError(ProblemDetail problem) {
		return problem.getStatus() >= HttpStatus.INTERNAL_SERVER_ERROR.value();
	}

}
