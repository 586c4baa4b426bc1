package cn.partybuilding.notification;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Settings of the notifier, bound from {@code PARTY_PUSH_GATEWAY_URL},
 * {@code PARTY_SMS_GATEWAY_URL}, {@code PARTY_WECHAT_API_URL},
 * {@code PARTY_WECHAT_APP_ID}, {@code PARTY_WECHAT_APP_SECRET} and
 * {@code PARTY_SCHEDULER_ENABLED}.
 *
 * @param pushGatewayUrl where push messages are POSTed; unset: deliveries are only logged
 * @param smsGatewayUrl where SMS are POSTed; unset: SMS are only logged (without personal
 * data), and login codes cannot be sent
 * @param smsLogCodes development switch: without a gateway, write login codes to the log
 * so a developer can log in by SMS ({@code PARTY_SMS_LOG_CODES}; {@code ./deploy/run} and
 * the tests turn it on, production never)
 * @param wechatApiUrl base URL of the WeChat API
 * @param wechatAppId the mini program's app id; unset: WeChat subscribe messages are only
 * logged
 * @param wechatAppSecret the mini program's app secret
 * @param wechatTemplates subscribe-message template id per notification kind (by kind
 * name); a kind without one uses its name
 * @param workersEnabled whether this instance runs delivery workers
 * @param gatewayTimeout how long a gateway may take to answer one message
 * @param delivery how deliveries are claimed, sent and retried
 * @param birthdays how the political-birthday run walks the members
 */
@ConfigurationProperties("party.notification")
public record NotificationSettings(@Nullable String pushGatewayUrl, @Nullable String smsGatewayUrl, boolean smsLogCodes,
		@DefaultValue("https://api.weixin.qq.com") String wechatApiUrl, @Nullable String wechatAppId,
		@Nullable String wechatAppSecret, @DefaultValue Map<String, String> wechatTemplates,
		@DefaultValue("true") boolean workersEnabled, @DefaultValue("5s") Duration gatewayTimeout,
		@DefaultValue Delivery delivery, @DefaultValue Birthdays birthdays) {

	public boolean smsGatewayConfigured() {
		return StringUtils.hasText(this.smsGatewayUrl);
	}

	public boolean pushGatewayConfigured() {
		return StringUtils.hasText(this.pushGatewayUrl);
	}

	public boolean wechatConfigured() {
		return StringUtils.hasText(this.wechatAppId) && StringUtils.hasText(this.wechatAppSecret);
	}

	/**
	 * Delivery workers.
	 *
	 * @param pollInterval how often an idle worker looks for due deliveries
	 * @param workers claim loops per instance
	 * @param batchSize deliveries claimed at once
	 * @param concurrency messages in flight per claim loop
	 * @param lease how long a claimed delivery is left to its worker before others may
	 * take it again
	 * @param retryInitial the first retry's delay (doubling each time, with jitter)
	 * @param retryMax the longest delay between two attempts
	 * @param maxAttempts attempts after which a delivery without a deadline fails
	 * @param smsPerMemberPerDay text messages one member's number gets per local day at
	 * most
	 * @param pushConnections HTTP connections to the push gateway per instance
	 */
	public record Delivery(@DefaultValue("1s") Duration pollInterval, @DefaultValue("2") int workers,
			@DefaultValue("500") int batchSize, @DefaultValue("128") int concurrency,
			@DefaultValue("2m") Duration lease, @DefaultValue("2s") Duration retryInitial,
			@DefaultValue("10m") Duration retryMax, @DefaultValue("20") int maxAttempts,
			@DefaultValue("3") int smsPerMemberPerDay, @DefaultValue("128") int pushConnections) {
	}

	/**
	 * The political-birthday run.
	 *
	 * @param pageSize members read per page
	 * @param concurrency greetings stored at once (each in its own transaction)
	 */
	public record Birthdays(@DefaultValue("500") int pageSize, @DefaultValue("8") int concurrency) {
	}

}
