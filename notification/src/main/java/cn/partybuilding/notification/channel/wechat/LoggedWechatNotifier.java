package cn.partybuilding.notification.channel.wechat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.delivery.Notifier;
import cn.partybuilding.notification.delivery.OutgoingMessage;
import cn.partybuilding.notification.delivery.SendOutcome;

/**
 * Stands in for WeChat when no mini program is configured: logs what would be sent,
 * without openid or texts.
 */
class LoggedWechatNotifier implements Notifier {

	private static final Logger logger = LoggerFactory.getLogger(LoggedWechatNotifier.class);

	@Override
	public Channel channel() {
		return Channel.WECHAT;
	}

	@Override
	public Mono<SendOutcome> send(OutgoingMessage message) {
		return Mono.fromSupplier(() -> {
			logger.info("No WeChat app configured: would send {} as a subscribe message (message {})", message.kind(),
					message.messageId());
			return SendOutcome.sent();
		});
	}

}
