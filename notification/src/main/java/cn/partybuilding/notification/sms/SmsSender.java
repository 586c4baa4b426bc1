package cn.partybuilding.notification.sms;

import reactor.core.publisher.Mono;

/**
 * Sends text messages. Completes when the gateway accepted the message; errors with
 * {@link SmsNotSent}.
 */
public interface SmsSender {

	Mono<Void> send(SmsMessage message);

	/**
	 * Whether a login code sent this way reaches anyone (a gateway is configured, or a
	 * developer reads the log).
	 */
	default boolean deliversLoginCodes() {
		return true;
	}

}
