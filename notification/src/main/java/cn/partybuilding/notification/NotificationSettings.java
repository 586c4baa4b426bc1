package cn.partybuilding.notification;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Settings of the notifier, bound from {@code PARTY_PUSH_GATEWAY_URL}, {@code PARTY_SMS_GATEWAY_URL},
 * {@code PARTY_WECHAT_API_URL} and {@code PARTY_SCHEDULER_ENABLED}.
 *
 * @param pushGatewayUrl where push messages are POSTed; unset: deliveries are only logged
 * @param smsGatewayUrl where SMS are POSTed; unset: SMS are only logged
 * @param wechatApiUrl base URL of the WeChat API
 * @param workersEnabled whether this instance runs delivery workers and daily jobs
 * @param gatewayTimeout how long a gateway may take to answer one message
 */
@ConfigurationProperties("party.notification")
public record NotificationSettings(@Nullable String pushGatewayUrl, @Nullable String smsGatewayUrl,
		@DefaultValue("https://api.weixin.qq.com") String wechatApiUrl, @DefaultValue("true") boolean workersEnabled,
		@DefaultValue("5s") Duration gatewayTimeout) {

	public boolean smsGatewayConfigured() {
		return StringUtils.hasText(this.smsGatewayUrl);
	}

	public boolean pushGatewayConfigured() {
		return StringUtils.hasText(this.pushGatewayUrl);
	}

}
