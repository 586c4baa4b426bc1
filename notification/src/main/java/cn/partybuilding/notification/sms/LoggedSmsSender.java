package cn.partybuilding.notification.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Stands in for the SMS gateway when none is configured: writes what would be sent to the log, without the phone
 * number or any other personal data. Login codes are written out, as a development convenience: with a gateway
 * configured this class is not used and no code ever reaches the log.
 */
class LoggedSmsSender implements SmsSender {

	private static final Logger logger = LoggerFactory.getLogger(LoggedSmsSender.class);

	@Override
	public Mono<Void> send(SmsMessage message) {
		return Mono.fromRunnable(() -> {
			if (SmsMessage.LOGIN_CODE.equals(message.template())) {
				logger.info("No SMS gateway configured: login code {} (message {})", message.params().get("code"),
						message.messageId());
			}
			else {
				logger.info("No SMS gateway configured: would send {} (message {})", message.template(),
						message.messageId());
			}
		});
	}

}
