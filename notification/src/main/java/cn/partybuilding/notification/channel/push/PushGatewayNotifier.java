package cn.partybuilding.notification.channel.push;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.delivery.Notifier;
import cn.partybuilding.notification.delivery.OutgoingMessage;
import cn.partybuilding.notification.delivery.SendOutcome;

/**
 * Posts {@code {messageId, token, platform, title, body, data}} to the push gateway. 200:
 * sent; 4xx naming {@code INVALID_TOKEN}: the token is gone; 429, 5xx, no answer in time:
 * retry; any other 4xx: refused.
 */
class PushGatewayNotifier implements Notifier {

	static final String INVALID_TOKEN = "INVALID_TOKEN";

	private final WebClient client;

	private final Duration timeout;

	PushGatewayNotifier(WebClient client, Duration timeout) {
		this.client = client;
		this.timeout = timeout;
	}

	@Override
	public Channel channel() {
		return Channel.PUSH;
	}

	@Override
	public Mono<SendOutcome> send(OutgoingMessage message) {
		return this.client.post()
			.bodyValue(new PushRequest(message.messageId(), message.target(), message.platform(), message.title(),
					message.body(),
					Map.of("notificationId", message.notificationId().toString(), "kind", message.kind().name())))
			.exchangeToMono((response) -> {
				HttpStatusCode status = response.statusCode();
				if (status.is2xxSuccessful()) {
					return response.releaseBody().thenReturn(SendOutcome.sent());
				}
				if (status.value() == 429 || status.is5xxServerError()) {
					return response.releaseBody()
						.thenReturn((SendOutcome) new SendOutcome.Retry("push gateway answered " + status.value()));
				}
				return response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.map((body) -> body.contains(INVALID_TOKEN) ? new SendOutcome.TargetGone(INVALID_TOKEN)
							: new SendOutcome.Refused("push gateway answered " + status.value()));
			})
			.timeout(this.timeout)
			.onErrorResume(TimeoutException.class, (ex) -> Mono.just(new SendOutcome.Retry("push gateway timed out")))
			.onErrorResume(WebClientRequestException.class,
					(ex) -> Mono.just(new SendOutcome.Retry("push gateway unreachable")));
	}

	/** The gateway's request body. */
	record PushRequest(String messageId, @Nullable String token, @Nullable String platform, String title, String body,
			Map<String, String> data) {

		@Override
		public String toString() {
			return "PushRequest[" + this.messageId + "]";
		}

	}

}
