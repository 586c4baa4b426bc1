package cn.partybuilding.web.problem;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * Every machine code a client can receive, with the HTTP status it travels with. Codes are stable: the apps branch
 * on them. Titles and details live in {@code messages*.properties} under {@code problem.<CODE>.*}.
 */
public enum ErrorCode {

	// 400: the request itself is wrong
	MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
	VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
	WECHAT_CODE_INVALID(HttpStatus.BAD_REQUEST),

	// 401: who is calling is not established
	UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
	BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED),
	REFRESH_TOKEN_INVALID(HttpStatus.UNAUTHORIZED),

	// 403, 404, 405, 406
	FORBIDDEN(HttpStatus.FORBIDDEN),
	NOT_FOUND(HttpStatus.NOT_FOUND),
	WECHAT_NOT_BOUND(HttpStatus.NOT_FOUND),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),

	// 409: the state of things does not allow it
	CONFLICT(HttpStatus.CONFLICT),
	ILLEGAL_STATE(HttpStatus.CONFLICT),
	IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT),
	PHONE_TAKEN(HttpStatus.CONFLICT),
	WECHAT_ALREADY_BOUND(HttpStatus.CONFLICT),

	// 413, 415
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),

	// 422: understood, but the business rules refuse it
	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT),
	ORG_NESTING_INVALID(HttpStatus.UNPROCESSABLE_CONTENT),
	BRANCH_REQUIRED(HttpStatus.UNPROCESSABLE_CONTENT),
	COMMUNITY_REQUIRED(HttpStatus.UNPROCESSABLE_CONTENT),
	ROLE_NOT_GRANTABLE(HttpStatus.UNPROCESSABLE_CONTENT),
	WECHAT_BIND_EXPIRED(HttpStatus.UNPROCESSABLE_CONTENT),

	// activities and attendance
	CHECKIN_CODE_INVALID(HttpStatus.UNPROCESSABLE_CONTENT),
	CHECKIN_CODE_EXPIRED(HttpStatus.UNPROCESSABLE_CONTENT),
	OUT_OF_GEOFENCE(HttpStatus.UNPROCESSABLE_CONTENT),
	CHECKIN_WINDOW_CLOSED(HttpStatus.UNPROCESSABLE_CONTENT),
	NOT_INVITED(HttpStatus.UNPROCESSABLE_CONTENT),
	ACTIVITY_NOT_OPEN(HttpStatus.UNPROCESSABLE_CONTENT),
	LEAVE_TOO_LATE(HttpStatus.UNPROCESSABLE_CONTENT),
	MINUTES_MISSING(HttpStatus.UNPROCESSABLE_CONTENT),
	IMPORT_INVALID(HttpStatus.UNPROCESSABLE_CONTENT),
	IMPORT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),

	// points
	RULE_VERSIONS_OVERLAP(HttpStatus.CONFLICT),
	RULE_CATEGORY_CHANGED(HttpStatus.CONFLICT),
	RULE_NOT_CLAIMABLE(HttpStatus.UNPROCESSABLE_CONTENT),
	NO_RULE_IN_FORCE(HttpStatus.UNPROCESSABLE_CONTENT),
	NOT_ON_ROSTER(HttpStatus.UNPROCESSABLE_CONTENT),

	// volunteer service
	PROJECT_FULL(HttpStatus.CONFLICT),
	PROJECT_NOT_OPEN(HttpStatus.UNPROCESSABLE_CONTENT),
	PROJECT_NOT_IN_PROGRESS(HttpStatus.UNPROCESSABLE_CONTENT),
	MAKEUP_AFTER_PROJECT_END(HttpStatus.UNPROCESSABLE_CONTENT),
	HOURS_ABOVE_RECORDED(HttpStatus.UNPROCESSABLE_CONTENT),
	NOT_IN_SUBTREE(HttpStatus.UNPROCESSABLE_CONTENT),

	// 429, 5xx
	TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS),
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
	WECHAT_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

	private final HttpStatus status;

	ErrorCode(HttpStatus status) {
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** The last segment of the problem {@code type} URI, e.g. {@code phone-taken}. */
	String slug() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
