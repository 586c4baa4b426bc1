package cn.partybuilding.notification.channel.wechat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import me.chanjar.weixin.common.error.WxErrorException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.MemberDirectory;
import cn.partybuilding.notification.delivery.Notifier;
import cn.partybuilding.notification.delivery.OutgoingMessage;
import cn.partybuilding.notification.delivery.SendOutcome;

/**
 * Sends WeChat subscribe messages through WxJava (a blocking client, run on
 * {@code boundedElastic}). The consent it uses was taken when the notification was
 * published. WeChat's refusals of the message itself (the member revoked the consent, no
 * such openid or template) are final, and the delivery falls back to SMS where the member
 * allows it; busy answers, expired access tokens and timeouts are retried.
 */
class WechatNotifier implements Notifier {

	/**
	 * Error codes that no retry will cure: consent refused or used up, bad openid, bad
	 * template or data.
	 */
	private static final Set<Integer> FINAL = Set.of(43101, 40003, 40037, 47003, 41030);

	private static final int THING_LENGTH = 20;

	private final WxMaService wechat;

	private final MemberDirectory directory;

	private final Map<String, String> templates;

	private final Duration timeout;

	WechatNotifier(WxMaService wechat, MemberDirectory directory, Map<String, String> templates, Duration timeout) {
		this.wechat = wechat;
		this.directory = directory;
		this.templates = Map.copyOf(templates);
		this.timeout = timeout;
	}

	@Override
	public Channel channel() {
		return Channel.WECHAT;
	}

	@Override
	public Mono<SendOutcome> send(OutgoingMessage message) {
		return this.directory.contact(message.memberId())
			.filter((contact) -> contact.wechatOpenid() != null)
			.flatMap((contact) -> send(message, contact.wechatOpenid()))
			.defaultIfEmpty(new SendOutcome.Refused("member has no WeChat binding"));
	}

	private Mono<SendOutcome> send(OutgoingMessage message, String openid) {
		WxMaSubscribeMessage subscribeMessage = WxMaSubscribeMessage.builder()
			.toUser(openid)
			.templateId(this.templates.getOrDefault(message.kind().name(), message.kind().name()))
			.page("pages/notifications/index?id=" + message.notificationId())
			.data(List.of(new WxMaSubscribeMessage.MsgData("thing1", thing(message.title())),
					new WxMaSubscribeMessage.MsgData("thing2", thing(message.body()))))
			.build();
		return Mono.fromCallable(() -> {
			this.wechat.getMsgService().sendSubscribeMsg(subscribeMessage);
			return SendOutcome.sent();
		})
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.timeout)
			.onErrorResume(WxErrorException.class, (ex) -> Mono.just(outcome(ex.getError().getErrorCode())))
			.onErrorResume(TimeoutException.class, (ex) -> Mono.just(new SendOutcome.Retry("WeChat timed out")))
			.onErrorResume(RuntimeException.class,
					(ex) -> Mono.just(new SendOutcome.Retry("WeChat unreachable: " + ex.getClass().getSimpleName())));
	}

	static SendOutcome outcome(int errorCode) {
		String reason = "WeChat answered errcode " + errorCode;
		return FINAL.contains(errorCode) ? new SendOutcome.Refused(reason) : new SendOutcome.Retry(reason);
	}

	/** WeChat's "thing" fields take at most 20 characters. */
	static String thing(String text) {
		return (text.codePointCount(0, text.length()) <= THING_LENGTH) ? text
				: text.substring(0, text.offsetByCodePoints(0, THING_LENGTH - 1)) + "…";
	}

}
