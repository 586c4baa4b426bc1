package cn.partybuilding.notification.sms;

import java.util.Objects;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import cn.partybuilding.notification.NotificationSettings;

/**
 * Posts {@code {messageId, phone, template, params}} to the SMS gateway at
 * {@code PARTY_SMS_GATEWAY_URL}.
 */
class GatewaySmsSender implements SmsSender {

	private final WebClient client;

	private final NotificationSettings settings;

	GatewaySmsSender(WebClient.Builder builder, NotificationSettings settings) {
		this.client = builder
			.baseUrl(Objects.requireNonNull(settings.smsGatewayUrl(), "only created when smsGatewayConfigured()"))
			.build();
		this.settings = settings;
	}

	@Override
	public Mono<Void> send(SmsMessage message) {
		return this.client.post().bodyValue(message).exchangeToMono((response) -> {
			HttpStatusCode status = response.statusCode();
			if (status.is2xxSuccessful()) {
				return response.releaseBody();
			}
			boolean retryable = status.value() == 429 || status.is5xxServerError();
			return response.releaseBody()
				.then(Mono.error(new SmsNotSent("SMS gateway answered " + status.value(), retryable)));
		})
			.timeout(this.settings.gatewayTimeout())
			.onErrorMap(TimeoutException.class, (ex) -> new SmsNotSent("SMS gateway timed out", true, ex))
			.onErrorMap(WebClientRequestException.class, (ex) -> new SmsNotSent("SMS gateway unreachable", true, ex));
	}

}
