package cn.partybuilding.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.ClientAddresses;
import cn.partybuilding.web.problem.ErrorCode;

/** {@code /auth}: password and SMS login, refresh-token rotation and logout. */
@RestController
@RequestMapping("/api/v1")
class AuthController {

	private final Logins logins;

	private final Sessions sessions;

	private final WechatLogins wechat;

	AuthController(Logins logins, Sessions sessions, WechatLogins wechat) {
		this.logins = logins;
		this.sessions = sessions;
		this.wechat = wechat;
	}

	@PostMapping("/auth/login")
	@ApiErrors({ ErrorCode.BAD_CREDENTIALS, ErrorCode.TOO_MANY_REQUESTS, ErrorCode.MEMBERSHIP_ENDED })
	Mono<TokenPair> login(@Valid @RequestBody PasswordLogin body, ServerHttpRequest request) {
		return this.logins.withPassword(body.phone(), body.password(), ClientAddresses.of(request));
	}

	@PostMapping("/auth/sms/send")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@ApiErrors({ ErrorCode.TOO_MANY_REQUESTS, ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.SMS_UNAVAILABLE })
	Mono<Void> sendCode(@Valid @RequestBody SmsCodeRequest body, ServerHttpRequest request) {
		return this.logins.sendCode(body.phone(), ClientAddresses.of(request));
	}

	@PostMapping("/auth/sms/login")
	@ApiErrors({ ErrorCode.BAD_CREDENTIALS, ErrorCode.TOO_MANY_REQUESTS, ErrorCode.MEMBERSHIP_ENDED })
	Mono<TokenPair> smsLogin(@Valid @RequestBody SmsLogin body, ServerHttpRequest request) {
		return this.logins.withSmsCode(body.phone(), body.code(), ClientAddresses.of(request));
	}

	@PostMapping("/auth/wechat/login")
	@ApiErrors({ ErrorCode.WECHAT_NOT_BOUND, ErrorCode.WECHAT_CODE_INVALID, ErrorCode.WECHAT_UNAVAILABLE })
	Mono<TokenPair> wechatLogin(@Valid @RequestBody WechatLogin body) {
		return this.wechat.login(body.code());
	}

	@PostMapping("/auth/wechat/bind")
	@ApiErrors({ ErrorCode.BAD_CREDENTIALS, ErrorCode.WECHAT_BIND_EXPIRED, ErrorCode.WECHAT_ALREADY_BOUND,
			ErrorCode.TOO_MANY_REQUESTS })
	Mono<TokenPair> wechatBind(@Valid @RequestBody WechatBind body, ServerHttpRequest request) {
		return this.wechat.bind(body.bindToken(), body.phone(), body.smsCode(), ClientAddresses.of(request));
	}

	@PostMapping("/auth/refresh")
	@ApiErrors({ ErrorCode.REFRESH_TOKEN_INVALID, ErrorCode.MEMBERSHIP_ENDED })
	Mono<TokenPair> refresh(@Valid @RequestBody Refresh body) {
		return this.sessions.refresh(body.refreshToken());
	}

	/**
	 * Ends the session the refresh token belongs to, whatever state the app's access
	 * token is in (expired, or none): its tokens stop working on every instance within
	 * seconds. An unknown token gets the same answer.
	 */
	@PostMapping("/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> logout(@Valid @RequestBody Refresh body) {
		return this.sessions.logout(body.refreshToken());
	}

	record PasswordLogin(@NotBlank @Size(max = 32) String phone, @NotBlank @Size(max = 128) String password) {

		@Override
		public String toString() {
			return "PasswordLogin[credentials hidden]";
		}

	}

	record SmsCodeRequest(@NotBlank @Size(max = 32) String phone) {

		@Override
		public String toString() {
			return "SmsCodeRequest[phone hidden]";
		}

	}

	record SmsLogin(@NotBlank @Size(max = 32) String phone,
			@NotBlank @Size(max = 6) @Pattern(regexp = "\\d{6}") String code) {

		@Override
		public String toString() {
			return "SmsLogin[credentials hidden]";
		}

	}

	/**
	 * A login code from {@code wx.login()}: letters, digits, {@code -} and {@code _}, as
	 * WeChat issues them. Anything else names no code, and would change the URL it is
	 * sent to WeChat in.
	 */
	record WechatLogin(@NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9_-]+") String code) {

		@Override
		public String toString() {
			return "WechatLogin[code hidden]";
		}

	}

	record WechatBind(@NotBlank @Size(max = 128) String bindToken, @NotBlank @Size(max = 32) String phone,
			@NotBlank @Size(max = 6) @Pattern(regexp = "\\d{6}") String smsCode) {

		@Override
		public String toString() {
			return "WechatBind[credentials hidden]";
		}

	}

	record Refresh(@NotBlank @Size(max = 256) String refreshToken) {

		@Override
		public String toString() {
			return "Refresh[token hidden]";
		}

	}

}
