package cn.partybuilding.notification.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Stands in for the SMS gateway when none is configured: writes what would be sent to the
 * log, without the phone number or any other personal data. Login codes reach the log
 * only with the development switch {@code PARTY_SMS_LOG_CODES} on (as
 * {@code ./deploy/run} and the tests have it); otherwise nobody could read them, so none
 * is sent ({@link #deliversLoginCodes()} is false and logging in by SMS answers 503).
 */
class LoggedSmsSender implements SmsSender {

	private static final Logger logger = LoggerFactory.getLogger(LoggedSmsSender.class);

	private final boolean logCodes;

	LoggedSmsSender(boolean logCodes) {
		this.logCodes = logCodes;
	}

	@Override
	public boolean deliversLoginCodes() {
		return this.logCodes;
	}

	@Override
	public Mono<Void> send(SmsMessage message) {
		return Mono.fromRunnable(() -> {
			if (SmsMessage.LOGIN_CODE.equals(message.template())) {
				if (!this.logCodes) {
					throw new SmsNotSent("No SMS gateway configured: a login code cannot be sent", false);
				}
				logger.info("No SMS gateway configured: login code {} (message {}), logged because "
						+ "PARTY_SMS_LOG_CODES is on", message.params().get("code"), message.messageId());
			}
			else {
				logger.info("No SMS gateway configured: would send {} (message {})", message.template(),
						message.messageId());
			}
		});
	}

}
