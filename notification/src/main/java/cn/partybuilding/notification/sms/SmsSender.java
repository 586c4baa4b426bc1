package cn.partybuilding.notification.sms;

import reactor.core.publisher.Mono;

/** Sends text messages. Completes when the gateway accepted the message; errors with {@link SmsNotSent}. */
public interface SmsSender {

	Mono<Void> send(SmsMessage message);

}
