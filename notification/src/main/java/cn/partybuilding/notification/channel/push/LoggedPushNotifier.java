package cn.partybuilding.notification.channel.push;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.delivery.Notifier;
import cn.partybuilding.notification.delivery.OutgoingMessage;
import cn.partybuilding.notification.delivery.SendOutcome;

/**
 * Stands in for the push gateway when none is configured: logs what would be sent,
 * without token or texts.
 */
class LoggedPushNotifier implements Notifier {

	private static final Logger logger = LoggerFactory.getLogger(LoggedPushNotifier.class);

	@Override
	public Channel channel() {
		return Channel.PUSH;
	}

	@Override
	public Mono<SendOutcome> send(OutgoingMessage message) {
		return Mono.fromSupplier(() -> {
			logger.info("No push gateway configured: would push {} to a {} device (message {})", message.kind(),
					message.platform(), message.messageId());
			return SendOutcome.sent();
		});
	}

}
