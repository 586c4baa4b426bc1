package cn.partybuilding.notification.consent;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.notification.NotificationKind;

/**
 * One-time WeChat subscribe-message consents: the mini program asks the member
 * ({@code wx.requestSubscribeMessage}) and reports how many were granted per template;
 * every subscribe message sent uses one.
 */
@Service
public class WechatConsents {

	/**
	 * WeChat itself keeps no more than this many pending consents per template worth
	 * using.
	 */
	public static final int MAX_REMAINING = 1000;

	private final WechatConsentRepository consents;

	WechatConsents(WechatConsentRepository consents) {
		this.consents = consents;
	}

	/** Adds {@code granted} consents for the kind's template; the consents now left. */
	public Mono<Integer> grant(UUID memberId, NotificationKind kind, int granted) {
		return this.consents.add(memberId, kind, granted, MAX_REMAINING);
	}

	/**
	 * Uses one consent if one is left; {@code false} when none is. Joins the caller's
	 * transaction.
	 */
	public Mono<Boolean> take(UUID memberId, NotificationKind kind) {
		return this.consents.takeOne(memberId, kind);
	}

	public Mono<Integer> remaining(UUID memberId, NotificationKind kind) {
		return this.consents.remaining(memberId, kind);
	}

}
