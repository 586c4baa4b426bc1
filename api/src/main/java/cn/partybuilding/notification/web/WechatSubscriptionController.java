package cn.partybuilding.notification.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.consent.WechatConsents;
import cn.partybuilding.security.Caller;

/**
 * {@code /me/wechat-subscriptions}: consents the mini program obtained with
 * {@code wx.requestSubscribeMessage}; each WeChat subscribe message uses one.
 * {@code granted: 0} (the member declined) records nothing.
 */
@RestController
@RequestMapping("/api/v1")
class WechatSubscriptionController {

	private final WechatConsents consents;

	WechatSubscriptionController(WechatConsents consents) {
		this.consents = consents;
	}

	@PostMapping("/me/wechat-subscriptions")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Consents> grant(@Valid @RequestBody Grant body, Caller caller) {
		return this.consents.grant(caller.id(), body.templateKind(), body.granted())
			.map((remaining) -> new Consents(body.templateKind(), remaining));
	}

	record Grant(@NotNull NotificationKind templateKind, @NotNull @Min(0) @Max(50) Integer granted) {
	}

	record Consents(NotificationKind templateKind, int remaining) {
	}

}
