package cn.partybuilding.test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A fake server (WireMock) standing in for the SMS gateway, the push gateway and the
 * WeChat API, at a local port the application is configured with. Tests stub and verify
 * it through {@link #server()}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeGateways {

	private static final WireMockServer SERVER = start();

	public static WireMockServer server() {
		return SERVER;
	}

	@Bean
	DynamicPropertyRegistrar gatewayUrls() {
		return (registry) -> {
			registry.add("party.notification.sms-gateway-url", () -> SERVER.baseUrl() + "/sms");
			registry.add("party.notification.push-gateway-url", () -> SERVER.baseUrl() + "/push");
			registry.add("party.notification.wechat-api-url", () -> SERVER.baseUrl() + "/wechat");
			registry.add("party.wechat.api-url", () -> SERVER.baseUrl() + "/wechat");
		};
	}

	/**
	 * Back to answering 200 to everything (and WeChat access tokens), with the request
	 * journal cleared.
	 */
	public static void reset() {
		SERVER.resetAll();
		stubDefaults(SERVER);
	}

	private static void stubDefaults(WireMockServer server) {
		server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)));
		// WxJava fetches an access token before (almost) every call, even where WeChat
		// needs none.
		server.stubFor(get(urlPathEqualTo("/wechat/cgi-bin/token")).atPriority(5)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"access_token\":\"fake-access-token\",\"expires_in\":7200}")));
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		stubDefaults(server);
		return server;
	}

}
