package cn.partybuilding.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import cn.partybuilding.system.PartySettings;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Exchanges a mini-program login code for the user's openid at the WeChat API (WxJava, at
 * {@code PARTY_WECHAT_API_URL}). WxJava blocks, so it runs on the bounded elastic
 * scheduler, with a timeout. WeChat's refusals become clear problems: an invalid or used
 * code is a 400, rate limits, outages and timeouts a 503.
 */
@Component
class WechatClient {

	private static final Logger logger = LoggerFactory.getLogger(WechatClient.class);

	/** "invalid code" and "code been used". */
	private static final java.util.Set<Integer> INVALID_CODE = java.util.Set.of(40029, 40163);

	private final WxMaService service;

	private final boolean configured;

	private final java.time.Duration timeout;

	WechatClient(PartySettings settings) {
		PartySettings.Wechat wechat = settings.wechat();
		this.configured = StringUtils.hasText(wechat.appId()) && StringUtils.hasText(wechat.appSecret());
		this.timeout = wechat.timeout();
		WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
		config.setAppid(wechat.appId());
		config.setSecret(wechat.appSecret());
		config.setApiHostUrl(wechat.apiUrl().replaceAll("/+$", ""));
		this.service = new WxMaServiceImpl();
		this.service.setWxMaConfig(config);
		// WeChat's "system busy" is retried by the app, not by holding a request for
		// seconds here.
		this.service.setMaxRetryTimes(0);
	}

	Mono<String> openidOf(String code) {
		if (!this.configured) {
			return Mono.error(new DomainException(ErrorCode.WECHAT_UNAVAILABLE));
		}
		// WxJava splices the code into the query of its URL as it is: encoded, a code
		// cannot add parameters to it.
		String encoded = URLEncoder.encode(code, StandardCharsets.UTF_8);
		return Mono.fromCallable(() -> this.service.getUserService().getSessionInfo(encoded).getOpenid())
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.timeout)
			.onErrorMap(WxErrorException.class, WechatClient::refusal)
			.onErrorMap((ex) -> !(ex instanceof DomainException), (ex) -> {
				logger.warn("WeChat login failed: {}",
						(ex instanceof TimeoutException) ? "timeout" : ex.getClass().getSimpleName());
				return new DomainException(ErrorCode.WECHAT_UNAVAILABLE);
			});
	}

	private static DomainException refusal(WxErrorException ex) {
		int code = ex.getError().getErrorCode();
		if (INVALID_CODE.contains(code)) {
			return new DomainException(ErrorCode.WECHAT_CODE_INVALID);
		}
		logger.warn("WeChat refused the login with error {}", code);
		return new DomainException(ErrorCode.WECHAT_UNAVAILABLE);
	}

}
