package cn.partybuilding.notification.delivery;

import reactor.core.publisher.Mono;

import cn.partybuilding.notification.Channel;

/**
 * One channel a notification can leave by (push gateway, WeChat, SMS). Implementations
 * answer what happened, and never error for a gateway's answer: a refusal or an outage is
 * a {@link SendOutcome}. An error is taken as something to retry.
 */
public interface Notifier {

	Channel channel();

	Mono<SendOutcome> send(OutgoingMessage message);

}
