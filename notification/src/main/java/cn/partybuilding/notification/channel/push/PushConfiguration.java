package cn.partybuilding.notification.channel.push;

import java.time.Duration;
import java.util.Objects;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import cn.partybuilding.notification.NotificationSettings;
import cn.partybuilding.notification.delivery.Notifier;

/** The gateway when {@code PARTY_PUSH_GATEWAY_URL} is set, the log otherwise. */
@Configuration(proxyBeanMethods = false)
class PushConfiguration {

	@Bean
	Notifier pushNotifier(NotificationSettings settings, WebClient.Builder builder) {
		if (!settings.pushGatewayConfigured()) {
			return new LoggedPushNotifier();
		}
		// A pool of its own, sized for the workers' concurrency: kept-alive connections
		// carry thousands a second.
		ConnectionProvider pool = ConnectionProvider.builder("push-gateway")
			.maxConnections(settings.delivery().pushConnections())
			.pendingAcquireMaxCount(-1)
			.maxIdleTime(Duration.ofSeconds(30))
			.build();
		WebClient client = builder.clone()
			.baseUrl(Objects.requireNonNull(settings.pushGatewayUrl(), "checked by pushGatewayConfigured()"))
			.clientConnector(
					new ReactorClientHttpConnector(HttpClient.create(pool).responseTimeout(settings.gatewayTimeout())))
			.build();
		return new PushGatewayNotifier(client, settings.gatewayTimeout());
	}

}
