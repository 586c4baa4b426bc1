package cn.partybuilding.auth;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Logging in from the WeChat mini program: an openid bound to an account logs in at once;
 * an unbound one gets a {@code bindToken}, and binding it takes the member's phone and an
 * SMS code sent to it.
 */
@Service
class WechatLogins {

	private final WechatClient wechat;

	private final BindTokens bindTokens;

	private final Accounts accounts;

	private final SmsCodes codes;

	private final LoginThrottle throttle;

	private final Sessions sessions;

	WechatLogins(WechatClient wechat, BindTokens bindTokens, Accounts accounts, SmsCodes codes, LoginThrottle throttle,
			Sessions sessions) {
		this.wechat = wechat;
		this.bindTokens = bindTokens;
		this.accounts = accounts;
		this.codes = codes;
		this.throttle = throttle;
		this.sessions = sessions;
	}

	Mono<TokenPair> login(String code) {
		return this.wechat.openidOf(code)
			.flatMap((openid) -> this.accounts.findByOpenid(openid)
				.flatMap((account) -> this.sessions.start(account.id()))
				.switchIfEmpty(Mono.defer(() -> this.bindTokens.issue(openid)
					.flatMap((token) -> Mono.error(new DomainException(ErrorCode.WECHAT_NOT_BOUND, List.of(),
							Map.of("bindToken", token, "bindTokenExpiresIn", BindTokens.TTL.toSeconds())))))));
	}

	Mono<TokenPair> bind(String bindToken, String phoneInput, String smsCode, String address) {
		String phone = Logins.canonical(phoneInput);
		return this.throttle.begin(phone, address)
			.flatMap((attempt) -> this.codes.verify(phone, smsCode)
				.filter(Boolean::booleanValue)
				.flatMap((verified) -> this.accounts.findByPhone(phone))
				.switchIfEmpty(Logins.badCredentials())
				.flatMap((account) -> this.throttle.succeeded(attempt)
					.then(this.bindTokens.redeem(bindToken))
					.switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.WECHAT_BIND_EXPIRED)))
					.flatMap((openid) -> this.accounts.bindOpenid(account.id(), openid))
					.then(this.sessions.start(account.id()))));
	}

}
