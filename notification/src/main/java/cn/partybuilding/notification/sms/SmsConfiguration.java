package cn.partybuilding.notification.sms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import cn.partybuilding.notification.NotificationSettings;

/** The gateway when {@code PARTY_SMS_GATEWAY_URL} is set, the log otherwise. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

	@Bean
	SmsSender smsSender(NotificationSettings settings, WebClient.Builder builder) {
		return settings.smsGatewayConfigured() ? new GatewaySmsSender(builder, settings)
				: new LoggedSmsSender(settings.smsLogCodes());
	}

}
